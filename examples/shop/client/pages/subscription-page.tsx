import { useState } from 'react';
import { errorText, postJson } from '../api.ts';
import { Layout } from '../components/layout.tsx';
import { Notice } from '../components/notice.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDate, formatDateTime, formatNt, membershipText } from '../format.ts';
import type { Subscription } from '../types.ts';
import { useResource } from '../use-resource.ts';

/** A subscriber's page: next charge, past charges, cancel. */
export function SubscriptionPage({ id }: { id: string }) {
  const { data: s, error, set } = useResource<Subscription>(`/api/subscriptions/${encodeURIComponent(id)}`);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | undefined>();

  const cancel = async () => {
    setBusy(true);
    setActionError(undefined);
    try {
      set(await postJson<Subscription>(`/api/subscriptions/${encodeURIComponent(id)}/cancel`));
      setAsking(false);
    } catch (e) {
      setActionError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!s) {
    return (
      <Layout>
        {error ? <Notice tone="error">{error}</Notice> : <div className="card center-card">Loading…</div>}
      </Layout>
    );
  }
  return (
    <Layout>
      <div className="order-head">
        <h1>Coffee club</h1>
        <StatusBadge status={s.status} />
      </div>
      {s.status === 'active' && s.nextChargeAt ? (
        <Notice tone="info">
          Next charge: {formatNt(s.amount)} on{' '}
          <strong data-testid="next-charge">{formatDate(s.nextChargeAt)}</strong>.
        </Notice>
      ) : null}
      {s.status === 'cancelled' ? (
        <Notice tone="info">Cancelled. Nothing more will be charged.</Notice>
      ) : null}
      {s.status === 'ended' ? <Notice tone="error">This subscription has ended. {s.endReason}</Notice> : null}
      {s.status === 'pending' ? <Notice tone="info">Waiting for the first payment.</Notice> : null}
      {s.lastError && s.status === 'active' ? (
        <Notice tone="error">The last charge did not go through: {s.lastError}</Notice>
      ) : null}
      <div className="two-col">
        <section className="card" aria-label="Plan">
          <dl className="facts">
            <dt>Plan</dt>
            <dd>Coffee club, {formatNt(s.amount)} a month</dd>
            <dt>Paid with</dt>
            <dd>LINE Pay{s.paymentKey ? ` (payment key ${s.paymentKey})` : ''}</dd>
            {s.startedAt ? (
              <div className="facts__pair">
                <dt>Member since</dt>
                <dd>{formatDate(s.startedAt)}</dd>
              </div>
            ) : null}
            <dt>Months paid</dt>
            <dd>{s.periodsPaid}</dd>
          </dl>
          {s.status === 'active' ? (
            asking ? (
              <div className="confirm-box">
                <p>Cancel the Coffee club? LINE Pay will not charge you again.</p>
                {actionError ? <Notice tone="error">{actionError}</Notice> : null}
                <div className="row">
                  <button type="button" className="button button--danger" disabled={busy} onClick={cancel}>
                    {busy ? 'Cancelling…' : 'Yes, cancel'}
                  </button>
                  <button type="button" className="button" onClick={() => setAsking(false)}>
                    Keep it
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" className="button" onClick={() => setAsking(true)}>
                Cancel subscription
              </button>
            )
          ) : null}
        </section>
        <section className="card" aria-label="Charges">
          <h2 className="section-title">Charges</h2>
          {s.charges.length === 0 ? <p className="muted">No charges yet.</p> : null}
          <ul className="summary__lines" data-testid="charges">
            {s.charges.map((c) => (
              <li key={c.period} className="summary__row">
                <span>
                  Month {c.period} <span className="muted small">{formatDateTime(c.chargedAt)}</span>
                  {c.membership ? (
                    <span className="muted small"> · {membershipText(c.membership)}</span>
                  ) : null}
                </span>
                <span>{formatNt(c.amount)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Layout>
  );
}
