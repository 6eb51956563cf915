import type { Currency } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatMoney, moneyParts } from '../lib/format.ts';

/** A large amount: the currency symbol small, the number big (read out as one amount). */
export function Amount({
  amount,
  currency,
  size = 'xl',
}: {
  amount: number;
  currency: Currency;
  size?: 'xl' | 'l';
}) {
  const { locale } = useI18n();
  const { symbol, value } = moneyParts(amount, currency, locale);
  return (
    <span className={`amount amount--${size}`} data-amount={amount}>
      <span className="visually-hidden">{formatMoney(amount, currency, locale)}</span>
      <span aria-hidden="true">
        <span className="amount__symbol">{symbol}</span>
        <span className="amount__value">{value}</span>
      </span>
    </span>
  );
}
