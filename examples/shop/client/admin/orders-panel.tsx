import { Notice } from '../components/notice.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDateTime, formatNt, membershipText } from '../format.ts';
import { Link } from '../router.tsx';
import type { OrderSummary } from '../types.ts';
import { useResource } from '../use-resource.ts';

/** Every order, newest first. */
export function OrdersPanel() {
  const { data, error, reload } = useResource<{ orders: OrderSummary[] }>('/api/admin/orders');
  return (
    <section aria-label="Orders">
      <div className="panel-head">
        <h1>Orders</h1>
        <button type="button" className="button" onClick={() => void reload()}>
          Refresh
        </button>
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {data && data.orders.length === 0 ? <p className="muted">No orders yet.</p> : null}
      {data && data.orders.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Order</th>
                <th>Placed</th>
                <th>Status</th>
                <th>Member</th>
                <th className="num">Total</th>
                <th className="num">Charged</th>
                <th className="num">Refunded</th>
              </tr>
            </thead>
            <tbody>
              {data.orders.map((o) => (
                <tr key={o.orderId}>
                  <td>
                    <Link href={`/admin/orders/${o.orderId}`} className="mono">
                      {o.orderId}
                    </Link>
                    {o.kind === 'subscription' ? <span className="tag">club</span> : null}
                    {!o.capture ? <span className="tag">reserve</span> : null}
                  </td>
                  <td>{formatDateTime(o.createdAt)}</td>
                  <td>
                    <StatusBadge status={o.status} />
                  </td>
                  <td data-testid="member">{o.membership ? membershipText(o.membership) : '—'}</td>
                  <td className="num">{formatNt(o.amount)}</td>
                  <td className="num">{formatNt(o.capturedAmount)}</td>
                  <td className="num">{o.refundedAmount > 0 ? formatNt(o.refundedAmount) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
