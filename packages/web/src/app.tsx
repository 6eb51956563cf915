import { AppShell } from './components/app-shell.tsx';
import { ResultPanel } from './components/result-panel.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { Link, useLocation } from './lib/router.tsx';
import { WaitPage } from './pages/checkout/wait-page.tsx';
import { myCardPage } from './pages/mycard/mycard-routes.tsx';
import { AddCardPage } from './pages/wallet/add-card-page.tsx';
import { ApprovePage } from './pages/wallet/approve-page.tsx';
import { HistoryPage } from './pages/wallet/history-page.tsx';
import { HomePage } from './pages/wallet/home-page.tsx';
import { PinPage } from './pages/wallet/pin-page.tsx';
import { ReceiptPage } from './pages/wallet/receipt-page.tsx';
import { SignInPage } from './pages/wallet/sign-in-page.tsx';
import { TokenPage } from './pages/wallet/token-page.tsx';

function NotFound() {
  const { t } = useI18n();
  return (
    <AppShell>
      <ResultPanel
        tone="neutral"
        title={t('app.notFound')}
        action={
          <Link className="button button--primary" href="/wallet">
            {t('app.toWallet')}
          </Link>
        }
      />
    </AppShell>
  );
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Picks the page for the current path (the routes the server answers with index.html). */
export function App() {
  const { path, query } = useLocation();
  if (path === '/web/payment/wait') {
    const reserveId = query.get('transactionReserveId') ?? '';
    return <WaitPage key={reserveId} reserveId={reserveId} />;
  }
  const pay = /^\/(?:app\/payment|wallet\/pay)\/([^/]+)$/.exec(path)?.[1];
  if (pay) {
    // A QR code or a typed code means the desktop page goes on to the merchant; the phone only confirms.
    const companion = path.startsWith('/wallet/pay/') || query.get('via') === 'qr';
    return <ApprovePage key={pay} reserveId={decode(pay)} companion={companion} />;
  }
  if (path === '/wallet/mycard' || path.startsWith('/wallet/mycard/')) {
    return myCardPage(path) ?? <NotFound />;
  }
  if (path.startsWith('/wallet/receipts/')) {
    const id = decode(path.slice('/wallet/receipts/'.length));
    return <ReceiptPage key={id} transactionId={id} />;
  }
  switch (path) {
    case '/wallet':
      return <HomePage />;
    case '/wallet/pay':
      return <TokenPage />;
    case '/wallet/signin':
      return <SignInPage />;
    case '/wallet/cards/new':
      return <AddCardPage />;
    case '/wallet/history':
      return <HistoryPage />;
    case '/wallet/pin':
      return <PinPage />;
    default:
      return <NotFound />;
  }
}
