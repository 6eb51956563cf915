// Loads a JSON resource for a page: data, error, and a way to reload it.
import { useCallback, useEffect, useState } from 'react';
import { errorText, getJson } from './api.ts';

/** The state of a loaded resource. */
export interface Resource<T> {
  data: T | undefined;
  error: string | undefined;
  reload(): Promise<void>;
  set(value: T): void;
}

/** GETs `path` on mount (and when it changes). */
export function useResource<T>(path: string | undefined): Resource<T> {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = useCallback(async () => {
    if (!path) {
      return;
    }
    try {
      setData(await getJson<T>(path));
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload, set: setData };
}
