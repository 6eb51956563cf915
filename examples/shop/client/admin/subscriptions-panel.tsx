import { useState } from 'react';
import { errorText, postJson } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDate, formatDateTime, formatNt } from '../format.ts';
import { Link } from '../router.tsx';
import type { SubscriptionSummary } from '../types.ts';
import { useResource } from '../use-resource.ts';

interface BillingReport {
  charged: Record<string, number>;
  ended: Record<string, string>;
  failed: Record<string, string>;
}

function describeBilling(r: BillingReport): string {
  const charged = Object.keys(r.charged).length;
  const ended = Object.keys(r.ended).length;
  const failed = Object.keys(r.failed).length;
  if (charged + ended + failed === 0) {
    return 'Billing ran: nothing was due.';
  }
  return `Billing ran: ${charged} charged, ${ended} ended, ${failed} not charged yet.`;
}

/** Subscriptions, with "run billing now", "check unfinished orders now" and (sandbox) the clock. */
export function SubscriptionsPanel({ sandbox }: { sandbox: boolean }) {
  const { data, error, reload } = useResource<{ subscriptions: SubscriptionSummary[] }>(
    '/api/admin/subscriptions',
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();

  const run = async <T,>(path: string, describe: (r: T) => string, body: object = {}) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage({ tone: 'success', text: describe(await postJson<T>(path, body)) });
      await reload();
    } catch (e) {
      setMessage({ tone: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label="Subscriptions">
      <div className="panel-head">
        <h1>Subscriptions</h1>
        <div className="row">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void run('/api/admin/billing/run', (r: BillingReport) => describeBilling(r))}
          >
            Run billing now
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void run(
                '/api/admin/reconcile/run',
                (r: { checked: number; changed: Record<string, string> }) =>
                  `Checked ${r.checked} unfinished order(s); ${Object.keys(r.changed).length} updated.`,
              )
            }
          >
            Check unfinished orders now
          </button>
        </div>
      </div>
      <p className="muted small">
        Billing charges every active subscription whose next charge is due on the payment platform’s clock. On
        the Jinliu sandbox, move that clock with <code>npm run jinliu -- clock advance 31d</code>
        {sandbox ? ' or the button below' : ''}.
      </p>
      {sandbox ? (
        <p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void run(
                '/api/admin/sandbox/clock',
                (r: { now: string }) =>
                  `The sandbox clock moved 31 days: it is now ${formatDateTime(r.now)} there.`,
                { days: 31 },
              )
            }
          >
            Sandbox: move the clock 31 days
          </button>
        </p>
      ) : null}
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      {data && data.subscriptions.length === 0 ? <p className="muted">No subscriptions yet.</p> : null}
      {data && data.subscriptions.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Subscription</th>
                <th>Status</th>
                <th className="num">Months paid</th>
                <th>Next charge</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {data.subscriptions.map((s) => (
                <tr key={s.subscriptionId}>
                  <td>
                    <Link href={`/subscriptions/${s.subscriptionId}`} className="mono">
                      {s.subscriptionId}
                    </Link>
                    <div className="muted small">
                      {formatNt(s.amount)}/month{s.paymentKey ? `, key ${s.paymentKey}` : ''}
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={s.status} />
                  </td>
                  <td className="num">{s.periodsPaid}</td>
                  <td>{s.nextChargeAt ? formatDate(s.nextChargeAt) : '—'}</td>
                  <td className="small">{s.endReason ?? s.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
