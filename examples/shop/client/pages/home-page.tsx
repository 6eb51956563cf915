import { useState } from 'react';
import { addToCart } from '../cart.ts';
import { Layout } from '../components/layout.tsx';
import { Notice } from '../components/notice.tsx';
import { ProductArt } from '../components/product-art.tsx';
import { formatNt } from '../format.ts';
import { Link } from '../router.tsx';
import { useCatalogue } from '../use-catalogue.ts';

/** The product list. */
export function HomePage() {
  const { catalogue, error } = useCatalogue();
  const [added, setAdded] = useState<string | undefined>();
  return (
    <Layout>
      <section className="hero">
        <div>
          <h1>Freshly roasted in Taipei</h1>
          <p className="hero__lead">
            Small-batch beans, drip bags and gear. Pay with LINE Pay — or reserve now and pay when you pick it
            up.
          </p>
        </div>
        <Link href="/club" className="hero__club">
          <strong>Coffee club</strong>
          <span>A new roast every month for NT$299</span>
        </Link>
      </section>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {added ? (
        <Notice tone="success">
          Added {added} to your cart. <Link href="/cart">View cart</Link>
        </Notice>
      ) : null}
      <ul className="grid" aria-label="Products" aria-busy={!catalogue}>
        {catalogue?.products.map((p) => (
          <li key={p.id} className="card product">
            <ProductArt {...p.art} />
            <div className="product__body">
              <h2 className="product__name">{p.name}</h2>
              <p className="product__text">{p.description}</p>
              <div className="product__foot">
                <span className="price">{formatNt(p.price)}</span>
                <button
                  type="button"
                  className="button button--primary"
                  aria-label={`Add ${p.name} to cart`}
                  onClick={() => {
                    addToCart(p.id);
                    setAdded(p.name);
                  }}
                >
                  Add to cart
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
