import { useEffect } from 'react';
import { clearCartFor } from '../cart.ts';
import { Layout } from '../components/layout.tsx';
import { Notice } from '../components/notice.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDate, formatDateTime, formatNt, membershipText, payMethodText } from '../format.ts';
import { Link } from '../router.tsx';
import type { Order } from '../types.ts';
import { useResource } from '../use-resource.ts';

function Headline({ order }: { order: Order }) {
  switch (order.status) {
    case 'paid':
      return (
        <Notice tone="success">
          Thank you! Your payment of {formatNt(order.capturedAmount)} is complete.
        </Notice>
      );
    case 'authorized':
      return (
        <Notice tone="info">
          Reserved: {formatNt(order.amount)} is held on your LINE Pay. You pay when you pick it up
          {order.authorizationExpiresAt ? ` (by ${formatDate(order.authorizationExpiresAt)})` : ''}.
        </Notice>
      );
    case 'confirming':
    case 'capturing':
    case 'voiding':
      return (
        <Notice tone="info">
          We’re checking your payment with LINE Pay. This page updates by itself — no need to pay again.
        </Notice>
      );
    case 'pending':
      return (
        <Notice tone="info">
          Waiting for your payment on LINE Pay.{' '}
          {order.paymentUrl ? <a href={order.paymentUrl}>Continue to LINE Pay</a> : null}
        </Notice>
      );
    case 'partially_refunded':
    case 'refunded':
      return (
        <Notice tone="info">{formatNt(order.refundedAmount)} has been refunded to your LINE Pay.</Notice>
      );
    case 'voided':
      return <Notice tone="info">The reservation was released. Nothing was charged.</Notice>;
    case 'cancelled':
      return <Notice tone="info">The payment was cancelled. Nothing was charged.</Notice>;
    default:
      return (
        <Notice tone="error">
          {order.status === 'expired'
            ? 'The payment was not completed in time.'
            : 'The payment did not go through.'}{' '}
          Nothing was charged. {order.statusReason ?? ''}
        </Notice>
      );
  }
}

const checking = new Set(['pending', 'confirming', 'capturing', 'voiding']);

/** An order's status, items, payment and refunds. */
export function OrderPage({ orderId }: { orderId: string }) {
  const { data: order, error, reload } = useResource<Order>(`/api/orders/${encodeURIComponent(orderId)}`);
  const status = order?.status;

  useEffect(() => {
    if (status === 'paid' || status === 'authorized') {
      clearCartFor(orderId);
    }
    if (status && checking.has(status)) {
      const timer = window.setInterval(() => void reload(), 3000);
      return () => window.clearInterval(timer);
    }
    return undefined;
  }, [status, orderId, reload]);

  if (error && !order) {
    return (
      <Layout>
        <Notice tone="error">{error}</Notice>
      </Layout>
    );
  }
  if (!order) {
    return (
      <Layout>
        <div className="card center-card" aria-busy="true">
          Loading your order…
        </div>
      </Layout>
    );
  }
  return (
    <Layout>
      <div className="order-head">
        <h1>
          Order <span className="mono">{order.orderId}</span>
        </h1>
        <StatusBadge status={order.status} />
      </div>
      <Headline order={order} />
      {order.subscriptionId ? (
        <p>
          <Link href={`/subscriptions/${order.subscriptionId}`}>Manage your Coffee club subscription</Link>
        </p>
      ) : null}
      <div className="two-col">
        <section className="card" aria-label="Items">
          <h2 className="section-title">Items</h2>
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
          <div className="summary__row summary__row--total">
            <span>Total</span>
            <span>{formatNt(order.amount)}</span>
          </div>
        </section>
        <section className="card" aria-label="Payment">
          <h2 className="section-title">Payment</h2>
          <dl className="facts">
            <dt>Placed</dt>
            <dd>{formatDateTime(order.createdAt)}</dd>
            <dt>Way to pay</dt>
            <dd>{order.capture ? 'Paid now' : 'Reserved, pay at pick-up'}</dd>
            {order.payInfo.map((p) => (
              <div key={`${p.method}-${p.amount}`} className="facts__pair">
                <dt>{payMethodText(p)}</dt>
                <dd>{formatNt(p.amount)}</dd>
              </div>
            ))}
            {order.capturedAmount > 0 ? (
              <div className="facts__pair">
                <dt>Charged</dt>
                <dd data-testid="charged">{formatNt(order.capturedAmount)}</dd>
              </div>
            ) : null}
          </dl>
          {order.membership ? (
            <p className="member-line" data-testid="membership">
              <span className="member-line__club">Jinliu Coffee Club</span>
              {membershipText(order.membership)}
            </p>
          ) : null}
          {order.refunds.length > 0 ? (
            <>
              <h3 className="section-title">Refunds</h3>
              <ul className="summary__lines" data-testid="refunds">
                {order.refunds.map((r) => (
                  <li key={r.refundTransactionId ?? r.at} className="summary__row">
                    <span>{formatDateTime(r.at)}</span>
                    <span>{formatNt(-r.amount)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
      <p>
        <Link href="/">Continue shopping</Link>
      </p>
    </Layout>
  );
}
