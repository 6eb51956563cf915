import type { ReactNode } from 'react';
import type { Checkout, Wallet } from '../../api/types.ts';
import { CardBrand } from '../../components/card-brand.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatMoney, formatPoints } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';

/** The chosen way to pay: the balance, all in points, or a saved card (`card:<id>`). */
export type MethodKey = 'BALANCE' | 'POINT' | `card:${string}`;

/** The user's balance and points in the checkout's currency. */
export function holdingsFor(wallet: Wallet, checkout: Checkout): { balance: number; points: number } {
  return {
    balance: wallet.balances.find((b) => b.currency === checkout.currency)?.amount ?? 0,
    points: wallet.points.find((b) => b.currency === checkout.currency)?.amount ?? 0,
  };
}

/** A sensible first choice: the balance when it covers the payment, else the first card. */
export function defaultMethod(wallet: Wallet, checkout: Checkout): MethodKey {
  const { balance } = holdingsFor(wallet, checkout);
  const card = wallet.cards[0];
  return balance < checkout.amount && card ? `card:${card.cardId}` : 'BALANCE';
}

/** The payment method choice as a radio list (balance, each card, points). */
export function PayMethods({
  checkout,
  wallet,
  value,
  onChange,
  disabled,
  addCardHref,
}: {
  checkout: Checkout;
  wallet: Wallet;
  value: MethodKey;
  onChange: (m: MethodKey) => void;
  disabled: boolean;
  addCardHref: string;
}) {
  const { t, locale } = useI18n();
  const { balance, points } = holdingsFor(wallet, checkout);
  const option = (key: MethodKey, title: string, detail: string, icon: ReactNode, short = false) => (
    <label className={`option${value === key ? ' option--selected' : ''}`} key={key}>
      <input
        type="radio"
        name="method"
        value={key}
        checked={value === key}
        onChange={() => onChange(key)}
        disabled={disabled}
      />
      <span className="option__icon" aria-hidden="true">
        {icon}
      </span>
      <span className="option__text">
        <span className="option__title">{title}</span>
        <span className={`option__detail${short ? ' option__detail--warn' : ''}`}>{detail}</span>
      </span>
    </label>
  );
  return (
    <fieldset className="methods" data-testid="methods">
      <legend className="section-title">{t('pay.payWith')}</legend>
      {option(
        'BALANCE',
        t('pay.balance'),
        balance < checkout.amount
          ? `${t('pay.available', { amount: formatMoney(balance, checkout.currency, locale) })} · ${t('pay.notEnough')}`
          : t('pay.available', { amount: formatMoney(balance, checkout.currency, locale) }),
        <span className="wallet-icon">
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <path
              fill="currentColor"
              d="M3 5.5A2.5 2.5 0 0 1 5.5 3h8A1.5 1.5 0 0 1 15 4.5V6h.5A1.5 1.5 0 0 1 17 7.5v8a1.5 1.5 0 0 1-1.5 1.5h-10A2.5 2.5 0 0 1 3 14.5v-9ZM5.5 4.5a1 1 0 0 0 0 2h8v-2h-8Zm8.5 5a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5Z"
            />
          </svg>
        </span>,
        balance < checkout.amount,
      )}
      {wallet.cards.map((c) =>
        option(
          `card:${c.cardId}`,
          t('pay.card', { brand: c.brand, last4: c.last4 }),
          (c.nickname ? `${c.nickname} · ` : '') +
            t('pay.cardExpires', {
              month: String(c.expMonth).padStart(2, '0'),
              year: String(c.expYear % 100).padStart(2, '0'),
            }),
          <CardBrand brand={c.brand} />,
        ),
      )}
      {points > 0
        ? option(
            'POINT',
            t('pay.points'),
            points < checkout.amount
              ? `${t('pay.pointsAvailable', { points: formatPoints(points, checkout.currency, locale) })} · ${t('pay.notEnough')}`
              : t('pay.pointsAvailable', { points: formatPoints(points, checkout.currency, locale) }),
            <span className="points-icon">P</span>,
            points < checkout.amount,
          )
        : null}
      <Link className="option option--add" href={addCardHref}>
        <span className="option__icon option__icon--add" aria-hidden="true">
          +
        </span>
        <span className="option__title">{t('pay.addCard')}</span>
      </Link>
    </fieldset>
  );
}
