import { setQuantity, useCart } from '../cart.ts';
import { Layout } from '../components/layout.tsx';
import { Notice } from '../components/notice.tsx';
import { ProductArt } from '../components/product-art.tsx';
import { formatNt } from '../format.ts';
import { Link } from '../router.tsx';
import type { Product } from '../types.ts';
import { useCatalogue } from '../use-catalogue.ts';

/** Cart lines joined with the catalogue (lines of products no longer sold are left out). */
export function useCartLines(): {
  lines: Array<{ product: Product; quantity: number }>;
  total: number;
  ready: boolean;
} {
  const cart = useCart();
  const { catalogue } = useCatalogue();
  const lines = cart.flatMap((l) => {
    const product = catalogue?.products.find((p) => p.id === l.productId);
    return product ? [{ product, quantity: l.quantity }] : [];
  });
  return {
    lines,
    total: lines.reduce((t, l) => t + l.product.price * l.quantity, 0),
    ready: catalogue !== undefined,
  };
}

/** The cart: change quantities, remove lines, go to checkout. */
export function CartPage() {
  const { lines, total, ready } = useCartLines();
  return (
    <Layout>
      <h1>Your cart</h1>
      {ready && lines.length === 0 ? (
        <div className="card empty">
          <p>Your cart is empty.</p>
          <Link href="/" className="button button--primary">
            Browse coffee
          </Link>
        </div>
      ) : null}
      {lines.length > 0 ? (
        <div className="two-col">
          <ul className="card lines" aria-label="Cart">
            {lines.map(({ product, quantity }) => (
              <li key={product.id} className="line">
                <ProductArt {...product.art} size="small" />
                <div className="line__main">
                  <span className="line__name">{product.name}</span>
                  <span className="muted small">{formatNt(product.price)} each</span>
                </div>
                <fieldset className="qty" aria-label={`Quantity of ${product.name}`}>
                  <button
                    type="button"
                    aria-label={`One less ${product.name}`}
                    onClick={() => setQuantity(product.id, quantity - 1)}
                  >
                    −
                  </button>
                  <output aria-live="polite">{quantity}</output>
                  <button
                    type="button"
                    aria-label={`One more ${product.name}`}
                    disabled={quantity >= 20}
                    onClick={() => setQuantity(product.id, quantity + 1)}
                  >
                    +
                  </button>
                </fieldset>
                <span className="line__total">{formatNt(product.price * quantity)}</span>
                <button type="button" className="link-button" onClick={() => setQuantity(product.id, 0)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <aside className="card summary" aria-label="Summary">
            <div className="summary__row summary__row--total">
              <span>Total</span>
              <span data-testid="cart-total">{formatNt(total)}</span>
            </div>
            <p className="muted small">Shipping is free in Taiwan.</p>
            <Link href="/checkout" className="button button--primary button--block">
              Checkout
            </Link>
          </aside>
        </div>
      ) : null}
      {!ready ? <Notice tone="info">Loading…</Notice> : null}
    </Layout>
  );
}
