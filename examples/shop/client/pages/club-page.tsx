import { useState } from 'react';
import { errorText, postJson } from '../api.ts';
import { Layout } from '../components/layout.tsx';
import { Notice } from '../components/notice.tsx';
import { ProductArt } from '../components/product-art.tsx';
import { formatNt } from '../format.ts';
import type { CheckoutStarted } from '../types.ts';
import { useCatalogue } from '../use-catalogue.ts';

/** The Coffee club: a monthly subscription paid by LINE Pay preapproved payments. */
export function ClubPage() {
  const { catalogue } = useCatalogue();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const plan = catalogue?.plan;

  const join = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const started = await postJson<CheckoutStarted>('/api/subscriptions');
      window.location.assign(started.paymentUrl);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <Layout>
      <div className="card club">
        <ProductArt kind="box" colour="#6b3e26" background="#f3e3cf" />
        <div className="club__body">
          <h1>Coffee club — {plan ? formatNt(plan.price) : 'NT$299'} / month</h1>
          <p>{plan?.description}</p>
          <ul className="ticks">
            <li>The first month is paid today with LINE Pay.</li>
            <li>LINE Pay then charges the same amount every month — no need to come back.</li>
            <li>Cancel any time from your subscription page; nothing more is charged.</li>
          </ul>
          {error ? <Notice tone="error">{error}</Notice> : null}
          <button type="button" className="button button--line" disabled={busy || !plan} onClick={join}>
            {busy ? 'Opening LINE Pay…' : 'Join with LINE Pay'}
          </button>
        </div>
      </div>
    </Layout>
  );
}
