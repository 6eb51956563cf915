import { useState } from 'react';
import { errorText, postJson } from '../api.ts';
import { rememberCheckout } from '../cart.ts';
import { Layout } from '../components/layout.tsx';
import { Notice } from '../components/notice.tsx';
import { formatNt } from '../format.ts';
import { Link } from '../router.tsx';
import type { CheckoutStarted } from '../types.ts';
import { useCartLines } from './cart-page.tsx';

/** Review the order, choose pay now or reserve, and go to LINE Pay. */
export function CheckoutPage() {
  const { lines, total, ready } = useCartLines();
  const [mode, setMode] = useState<'pay' | 'reserve'>('pay');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const pay = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const started = await postJson<CheckoutStarted>('/api/checkout', {
        mode,
        lines: lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })),
      });
      rememberCheckout(started.orderId);
      // LINE Pay's page opens in this window and comes back to /checkout/return.
      window.location.assign(started.paymentUrl);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  if (ready && lines.length === 0) {
    return (
      <Layout>
        <h1>Checkout</h1>
        <div className="card empty">
          <p>Your cart is empty.</p>
          <Link href="/" className="button button--primary">
            Browse coffee
          </Link>
        </div>
      </Layout>
    );
  }
  return (
    <Layout>
      <h1>Checkout</h1>
      <div className="two-col">
        <div className="card">
          <fieldset className="choices">
            <legend>How would you like to pay?</legend>
            <label className={`choice ${mode === 'pay' ? 'choice--on' : ''}`}>
              <input
                type="radio"
                name="mode"
                value="pay"
                checked={mode === 'pay'}
                onChange={() => setMode('pay')}
              />
              <span>
                <strong>Pay now</strong>
                <span className="muted small">Charged today; we ship tomorrow.</span>
              </span>
            </label>
            <label className={`choice ${mode === 'reserve' ? 'choice--on' : ''}`}>
              <input
                type="radio"
                name="mode"
                value="reserve"
                checked={mode === 'reserve'}
                onChange={() => setMode('reserve')}
              />
              <span>
                <strong>Reserve — pay when picked up</strong>
                <span className="muted small">
                  LINE Pay holds the amount; we charge it when you collect at the shop, or release it.
                </span>
              </span>
            </label>
          </fieldset>
          {error ? <Notice tone="error">{error}</Notice> : null}
          <button
            type="button"
            className="button button--line button--block"
            disabled={busy || !ready}
            onClick={pay}
          >
            {busy ? 'Opening LINE Pay…' : `Pay ${formatNt(total)} with LINE Pay`}
          </button>
          <p className="muted small center">You will be taken to LINE Pay and brought back here.</p>
        </div>
        <aside className="card summary" aria-label="Order summary">
          <ul className="summary__lines">
            {lines.map((l) => (
              <li key={l.product.id} className="summary__row">
                <span>
                  {l.product.name} × {l.quantity}
                </span>
                <span>{formatNt(l.product.price * l.quantity)}</span>
              </li>
            ))}
          </ul>
          <div className="summary__row summary__row--total">
            <span>Total</span>
            <span>{formatNt(total)}</span>
          </div>
          <Link href="/cart" className="small">
            Change the cart
          </Link>
        </aside>
      </div>
    </Layout>
  );
}
