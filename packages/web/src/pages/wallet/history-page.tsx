import { AppShell } from '../../components/app-shell.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { statusKey, statusTone } from './status-label.ts';
import { useHistory } from './use-history.ts';

/** Payments and refunds, newest first; each opens its receipt. */
export function HistoryPage() {
  const { t, locale } = useI18n();
  const { items, error } = useHistory();
  return (
    <AppShell>
      <section className="card stack-s" aria-labelledby="history-title">
        <div className="hero__head">
          <h1 id="history-title" className="page-title">
            {t('history.title')}
          </h1>
          <Link className="link small" href="/wallet">
            {t('app.toWallet')}
          </Link>
        </div>
        {error ? <p role="alert">{errorText(error, t)}</p> : null}
        {items === undefined && !error ? <p aria-busy="true">{t('app.loading')}</p> : null}
        {items?.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
        <ul className="history" data-testid="history">
          {(items ?? []).map((item) => {
            const refunded = item.refunds.reduce((sum, r) => sum + r.amount, 0);
            return (
              <li key={item.transactionId}>
                <Link
                  className="history__row"
                  href={`/wallet/receipts/${encodeURIComponent(item.transactionId)}`}
                >
                  <span className="merchant-avatar merchant-avatar--s" aria-hidden="true">
                    {item.merchantName.slice(0, 1).toUpperCase() || '?'}
                  </span>
                  <span className="history__main">
                    <span className="history__merchant">{item.merchantName}</span>
                    <span className="history__line muted small">{item.productName}</span>
                    <span className="history__line muted small">{formatDate(item.date, locale)}</span>
                    <span className="history__status">
                      <span className={`pill pill--${statusTone(item)}`}>{t(statusKey(item))}</span>
                    </span>
                    {refunded > 0 ? (
                      <span className="history__line small refund-note">
                        {t('history.refunded', { amount: formatMoney(refunded, item.currency, locale) })}
                      </span>
                    ) : null}
                  </span>
                  <span className="history__side">
                    <span className="history__amount">{formatMoney(item.amount, item.currency, locale)}</span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
    </AppShell>
  );
}
