import { type FormEvent, useState } from 'react';
import { errorText, postJson } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDateTime, formatNt, payMethodText } from '../format.ts';
import { Link } from '../router.tsx';
import type { Order } from '../types.ts';
import { useResource } from '../use-resource.ts';

/** A whole number of NT$ from 1 to `max`, or an error to show. */
function readAmount(text: string, max: number): number | string {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1) {
    return 'Enter a whole amount in NT$.';
  }
  return value > max ? `At most ${formatNt(max)}.` : value;
}

function AmountAction(props: {
  label: string;
  action: string;
  max: number;
  allLabel: string;
  busy: boolean;
  run: (amount: number | undefined) => Promise<void>;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amount = readAmount(text, props.max);
    if (typeof amount === 'string') {
      setError(amount);
      return;
    }
    setError(undefined);
    void props.run(amount).then(() => setText(''));
  };
  return (
    <form className="action" onSubmit={submit} noValidate>
      <label className="field field--inline">
        <span>{props.label}</span>
        <span className="money-input">
          <span aria-hidden="true">NT$</span>
          <input
            inputMode="numeric"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={String(props.max)}
            aria-describedby={`${props.action}-hint`}
          />
        </span>
      </label>
      <span id={`${props.action}-hint`} className="muted small">
        up to {formatNt(props.max)}
      </span>
      {error ? <span className="field-error">{error}</span> : null}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={props.busy}>
          {props.action}
        </button>
        <button
          type="button"
          className="button"
          disabled={props.busy}
          onClick={() => void props.run(undefined)}
        >
          {props.allLabel}
        </button>
      </div>
    </form>
  );
}

/** One order for the admin: facts, refunds, capture/void of reservations, and its trail. */
export function OrderDetail({ orderId }: { orderId: string }) {
  const { data: order, error, set } = useResource<Order>(`/api/admin/orders/${encodeURIComponent(orderId)}`);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();

  const act = async (path: string, body: object, done: (o: Order) => string) => {
    setBusy(true);
    setResult(undefined);
    try {
      const updated = await postJson<Order>(`/api/admin/orders/${encodeURIComponent(orderId)}/${path}`, body);
      set(updated);
      setResult({ tone: 'success', text: done(updated) });
    } catch (e) {
      setResult({ tone: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  if (!order) {
    return error ? <Notice tone="error">{error}</Notice> : <p className="muted">Loading…</p>;
  }
  const refundable = order.refundableAmount;
  return (
    <section aria-label={`Order ${order.orderId}`}>
      <p>
        <Link href="/admin">← All orders</Link>
      </p>
      <div className="order-head">
        <h1>
          Order <span className="mono">{order.orderId}</span>
        </h1>
        <StatusBadge status={order.status} />
      </div>
      {order.statusReason ? <p className="muted">{order.statusReason}</p> : null}
      {result ? <Notice tone={result.tone}>{result.text}</Notice> : null}
      <div className="two-col">
        <div className="card">
          <dl className="facts">
            <dt>Total</dt>
            <dd>{formatNt(order.amount)}</dd>
            <dt>Charged</dt>
            <dd>{formatNt(order.capturedAmount)}</dd>
            <dt>Refunded</dt>
            <dd data-testid="refunded">{formatNt(order.refundedAmount)}</dd>
            <dt>LINE Pay transaction</dt>
            <dd className="mono">{order.transactionId ?? '—'}</dd>
            {order.payInfo.map((p) => (
              <div key={`${p.method}-${p.amount}`} className="facts__pair">
                <dt>{payMethodText(p)}</dt>
                <dd>{formatNt(p.amount)}</dd>
              </div>
            ))}
          </dl>
          <ul className="summary__lines">
            {order.items.map((i) => (
              <li key={i.productId} className="summary__row">
                <span>
                  {i.name} × {i.quantity}
                </span>
                <span>{formatNt(i.lineTotal)}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          {refundable > 0 ? (
            <AmountAction
              label="Refund amount"
              action="Refund"
              allLabel={`Refund all ${formatNt(refundable)}`}
              max={refundable}
              busy={busy}
              run={(amount) =>
                act(
                  'refund',
                  amount === undefined ? {} : { amount },
                  (o) => `Refunded. ${formatNt(o.refundedAmount)} refunded in all.`,
                )
              }
            />
          ) : null}
          {order.status === 'authorized' ? (
            <>
              <AmountAction
                label="Capture amount"
                action="Capture"
                allLabel={`Capture all ${formatNt(order.amount)}`}
                max={order.amount}
                busy={busy}
                run={(amount) =>
                  act(
                    'capture',
                    amount === undefined ? {} : { amount },
                    (o) => `Captured ${formatNt(o.capturedAmount)}.`,
                  )
                }
              />
              <button
                type="button"
                className="button button--danger"
                disabled={busy}
                onClick={() => void act('void', {}, () => 'The reservation was released.')}
              >
                Void the reservation
              </button>
            </>
          ) : null}
          {refundable === 0 && order.status !== 'authorized' ? (
            <p className="muted">Nothing to do for this order.</p>
          ) : null}
          {order.refunds.length > 0 ? (
            <>
              <h2 className="section-title">Refunds</h2>
              <ul className="summary__lines">
                {order.refunds.map((r) => (
                  <li key={r.refundTransactionId ?? r.at} className="summary__row">
                    <span className="mono small">{r.refundTransactionId}</span>
                    <span>{formatNt(-r.amount)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
      <section className="card" aria-label="History">
        <h2 className="section-title">History</h2>
        <ol className="trail">
          {(order.events ?? []).map((e) => (
            <li key={e.id}>
              <span className="muted small">{formatDateTime(e.at)}</span> <strong>{e.kind}</strong> {e.detail}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
