import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionProvider } from './api/session.tsx';
import { App } from './app.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import './styles/base.css';
import './styles/controls.css';
import './styles/checkout.css';
import './styles/payment.css';
import './styles/wallet.css';
import './styles/mycard.css';
import './styles/mycard-card.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
