// The catalogue, loaded once per visit and shared by every page.
import { useEffect, useState } from 'react';
import { errorText, getJson } from './api.ts';
import type { Catalogue } from './types.ts';

let loading: Promise<Catalogue> | undefined;

/** The shop's products and plan (undefined while loading). */
export function useCatalogue(): { catalogue: Catalogue | undefined; error: string | undefined } {
  const [catalogue, setCatalogue] = useState<Catalogue | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    loading ??= getJson<Catalogue>('/api/catalogue');
    loading.then(
      (c) => live && setCatalogue(c),
      (e) => {
        loading = undefined;
        if (live) {
          setError(errorText(e));
        }
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { catalogue, error };
}
