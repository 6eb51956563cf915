import { AdminPage } from './admin/admin-page.tsx';
import { Layout } from './components/layout.tsx';
import { CartPage } from './pages/cart-page.tsx';
import { CheckoutPage } from './pages/checkout-page.tsx';
import { ClubPage } from './pages/club-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { OrderPage } from './pages/order-page.tsx';
import { CancelPage, ReturnPage } from './pages/return-page.tsx';
import { SubscriptionPage } from './pages/subscription-page.tsx';
import { Link, useLocation } from './router.tsx';

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function NotFound() {
  return (
    <Layout>
      <div className="card center-card">
        <h1>Page not found</h1>
        <Link href="/" className="button button--primary">
          Back to the shop
        </Link>
      </div>
    </Layout>
  );
}

/** Picks the page for the current path (the server answers these paths with index.html). */
export function App() {
  const { path, query } = useLocation();
  if (path === '/admin' || path.startsWith('/admin/')) {
    return <AdminPage />;
  }
  const order = /^\/orders\/([^/]+)$/.exec(path)?.[1];
  if (order) {
    return <OrderPage key={order} orderId={decode(order)} />;
  }
  const subscription = /^\/subscriptions\/([^/]+)$/.exec(path)?.[1];
  if (subscription) {
    return <SubscriptionPage key={subscription} id={decode(subscription)} />;
  }
  switch (path) {
    case '/':
      return <HomePage />;
    case '/cart':
      return <CartPage />;
    case '/checkout':
      return <CheckoutPage />;
    case '/club':
      return <ClubPage />;
    case '/checkout/return': {
      const orderId = query.get('orderId') ?? '';
      return <ReturnPage key={orderId} orderId={orderId} transactionId={query.get('transactionId') ?? ''} />;
    }
    case '/checkout/cancel':
      return <CancelPage orderId={query.get('orderId') ?? ''} />;
    default:
      return <NotFound />;
  }
}
