import type { Checkout } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatMoney } from '../lib/format.ts';
import { Amount } from './amount.tsx';

/** Who is paid and for what: merchant, the big total, and the product lines. */
export function OrderSummary({ checkout, compact = false }: { checkout: Checkout; compact?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <div className="summary">
      <div className="summary__merchant">
        <span className="merchant-avatar" aria-hidden="true">
          {checkout.merchantName.slice(0, 1).toUpperCase() || '?'}
        </span>
        <div>
          <h1 className="summary__title" data-testid="merchant">
            {t('checkout.payTo', { merchant: checkout.merchantName })}
          </h1>
          <p className="muted small">{t('checkout.orderId', { orderId: checkout.orderId })}</p>
        </div>
      </div>
      <div className="summary__total">
        <span className="label">{t('checkout.total')}</span>
        <Amount amount={checkout.amount} currency={checkout.currency} size={compact ? 'l' : 'xl'} />
      </div>
      {checkout.products.length > 0 ? (
        <ul className="items" aria-label={t('checkout.items')}>
          {checkout.products.map((p) => (
            <li key={`${p.name}-${p.price}-${p.quantity}`} className="items__row">
              <span className="items__name">
                {p.name}
                {p.quantity > 1 ? <span className="muted"> × {p.quantity}</span> : null}
              </span>
              <span className="items__price">
                {formatMoney(p.price * p.quantity, checkout.currency, locale)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
