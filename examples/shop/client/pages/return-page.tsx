import { useEffect, useRef, useState } from 'react';
import { errorText, postJson } from '../api.ts';
import { Layout } from '../components/layout.tsx';
import { Notice } from '../components/notice.tsx';
import { navigate } from '../router.tsx';
import type { Order } from '../types.ts';

/** LINE Pay sent the shopper back: the shop confirms the payment, then shows the order. */
export function ReturnPage({ orderId, transactionId }: { orderId: string; transactionId: string }) {
  const [error, setError] = useState<string | undefined>();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) {
      return; // StrictMode mounts twice in development; one confirm is enough (the server copes with two)
    }
    sent.current = true;
    postJson<Order>(`/api/orders/${encodeURIComponent(orderId)}/return`, { transactionId }).then(
      (order) => navigate(`/orders/${encodeURIComponent(order.orderId)}`, { replace: true }),
      (e) => setError(errorText(e)),
    );
  }, [orderId, transactionId]);
  return (
    <Layout>
      <div className="card center-card" aria-busy={!error}>
        {error ? (
          <>
            <Notice tone="error">{error}</Notice>
            <p>
              Your order number is <strong>{orderId}</strong>.{' '}
              <a href={`/orders/${encodeURIComponent(orderId)}`}>See the order</a>
            </p>
          </>
        ) : (
          <>
            <div className="spinner" aria-hidden="true" />
            <h1>Confirming your payment…</h1>
            <p className="muted">This takes a moment. Please keep this page open.</p>
          </>
        )}
      </div>
    </Layout>
  );
}

/** The shopper cancelled on LINE Pay's page: the shop cancels the order (if it is still waiting). */
export function CancelPage({ orderId }: { orderId: string }) {
  const [error, setError] = useState<string | undefined>();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) {
      return;
    }
    sent.current = true;
    postJson<Order>(`/api/orders/${encodeURIComponent(orderId)}/cancel`).then(
      (order) => navigate(`/orders/${encodeURIComponent(order.orderId)}`, { replace: true }),
      (e) => setError(errorText(e)),
    );
  }, [orderId]);
  return (
    <Layout>
      <div className="card center-card">
        {error ? <Notice tone="error">{error}</Notice> : <h1>Cancelling…</h1>}
      </div>
    </Layout>
  );
}
