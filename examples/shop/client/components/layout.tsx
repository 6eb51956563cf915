import type { ReactNode } from 'react';
import { useCart } from '../cart.ts';
import { Link, useLocation } from '../router.tsx';

function Logo() {
  return (
    <svg viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" className="brand__logo">
      <rect width="32" height="32" rx="9" fill="#6b3e26" />
      <path d="M9 13h12v6a5 5 0 0 1-5 5h-2a5 5 0 0 1-5-5z" fill="#fdf6ec" />
      <path d="M21 15h1.5a2.5 2.5 0 0 1 0 5H21" stroke="#fdf6ec" strokeWidth="1.8" fill="none" />
      <path
        d="M12 8c0 1.5 1.5 1.5 1.5 3M16 8c0 1.5 1.5 1.5 1.5 3"
        stroke="#e8b98a"
        strokeWidth="1.4"
        fill="none"
      />
    </svg>
  );
}

/** The page frame: header with the cart count, content, footer. */
export function Layout({ children, admin = false }: { children: ReactNode; admin?: boolean }) {
  const lines = useCart();
  const count = lines.reduce((n, l) => n + l.quantity, 0);
  const { path } = useLocation();
  const current = (href: string) => (path === href ? 'page' : undefined);
  return (
    <div className="page">
      <header className="topbar">
        <div className="topbar__inner">
          <Link href="/" className="brand">
            <Logo />
            <span className="brand__name">Jinliu Coffee</span>
          </Link>
          <nav className="nav" aria-label="Main">
            {admin ? (
              <Link href="/admin" aria-current={current('/admin')}>
                Shop admin
              </Link>
            ) : (
              <>
                <Link href="/" aria-current={current('/')}>
                  Shop
                </Link>
                <Link href="/club" aria-current={current('/club')}>
                  Coffee club
                </Link>
                <Link href="/cart" aria-current={current('/cart')} className="nav__cart">
                  Cart
                  {count > 0 ? (
                    <span className="nav__count" data-testid="cart-count">
                      {count}
                    </span>
                  ) : null}
                </Link>
              </>
            )}
          </nav>
        </div>
      </header>
      <main className="content">{children}</main>
      <footer className="footer">
        <p>
          Jinliu Coffee is an example shop: it takes payments through <code>@jinliu/sdk</code> on a Jinliu
          sandbox. No real money moves.
        </p>
      </footer>
    </div>
  );
}
