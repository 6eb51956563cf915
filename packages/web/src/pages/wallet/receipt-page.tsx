import { ApiError } from '../../api/client.ts';
import { Amount } from '../../components/amount.tsx';
import { AppShell } from '../../components/app-shell.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { statusKey, statusTone } from './status-label.ts';
import { useReceipt } from './use-receipt.ts';

const notFound = (e: unknown) => e instanceof ApiError && (e.code === '1150' || e.status === 404);

/** One payment's receipt, from its own endpoint: merchant, order, date, items, how it was paid, refunds. */
export function ReceiptPage({ transactionId }: { transactionId: string }) {
  const { t, locale } = useI18n();
  const { item, error } = useReceipt(transactionId);
  if (!item) {
    return (
      <AppShell>
        <section className="card stack-s" data-testid={error ? 'receipt-error' : undefined}>
          <p role={error ? 'alert' : undefined} aria-busy={!error}>
            {error ? (notFound(error) ? t('receipt.notFound') : errorText(error, t)) : t('app.loading')}
          </p>
          <Link className="link small" href="/wallet/history">
            {t('app.back')}
          </Link>
        </section>
      </AppShell>
    );
  }
  const money = (n: number) => formatMoney(n, item.currency, locale);
  const products = item.products;
  return (
    <AppShell>
      <article className="card receipt stack-s" aria-labelledby="receipt-title" data-testid="receipt">
        <div className="receipt__head">
          <h1 id="receipt-title" className="page-title">
            {t('receipt.title')}
          </h1>
          <span className={`pill pill--${statusTone(item)}`}>{t(statusKey(item))}</span>
        </div>
        <div className="receipt__amount">
          <Amount amount={item.amount} currency={item.currency} size="l" />
        </div>
        <dl className="facts">
          <div>
            <dt>{t('receipt.merchant')}</dt>
            <dd>{item.merchantName}</dd>
          </div>
          <div>
            <dt>{t('receipt.orderId')}</dt>
            <dd className="mono">{item.orderId}</dd>
          </div>
          <div>
            <dt>{t('receipt.transactionId')}</dt>
            <dd className="mono">{item.transactionId}</dd>
          </div>
          <div>
            <dt>{t('receipt.date')}</dt>
            <dd>{formatDate(item.date, locale)}</dd>
          </div>
          {products.length === 0 ? (
            <div>
              <dt>{t('receipt.item')}</dt>
              <dd>{item.productName}</dd>
            </div>
          ) : null}
        </dl>
        {products.length > 0 ? <h2 className="section-title">{t('checkout.items')}</h2> : null}
        {products.length > 0 ? (
          <ul className="items" aria-label={t('checkout.items')} data-testid="receipt-items">
            {products.map((p) => (
              <li key={`${p.name}-${p.price}-${p.quantity}`} className="items__row">
                <span className="items__name">
                  {p.name}
                  {p.quantity > 1 ? <span className="muted"> × {p.quantity}</span> : null}
                </span>
                <span className="items__price">{money(p.price * p.quantity)}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <h2 className="section-title">{t('receipt.paidWith')}</h2>
        <dl className="split" data-testid="receipt-payinfo">
          {item.payInfo.map((p) => (
            <div className="split__row" key={`${p.method}-${p.card ?? ''}`}>
              <dt>{p.card ?? t(`method.${p.method}`)}</dt>
              <dd>{money(p.amount)}</dd>
            </div>
          ))}
        </dl>
        <h2 className="section-title">{t('receipt.refunds')}</h2>
        {item.refunds.length === 0 ? <p className="muted small">{t('receipt.noRefunds')}</p> : null}
        <dl className="split">
          {item.refunds.map((r) => (
            <div className="split__row" key={r.refundId}>
              <dt>{formatDate(r.date, locale)}</dt>
              <dd>−{money(r.amount)}</dd>
            </div>
          ))}
        </dl>
        <Link className="link small center" href="/wallet/history">
          {t('app.back')}
        </Link>
      </article>
    </AppShell>
  );
}
