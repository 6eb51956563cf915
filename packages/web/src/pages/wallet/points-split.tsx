import type { Checkout } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { currencyDigits, formatMoney, formatPoints, roundTo } from '../../lib/format.ts';

/** One line of how the payment is split. */
export interface SplitPart {
  readonly label: string;
  readonly amount: number;
  readonly points: boolean;
}

/** Points to spend from the typed text, kept within 0..max and the currency's precision. */
export function pointsFrom(text: string, max: number, checkout: Checkout): number {
  const n = Number(text);
  return Number.isFinite(n) ? Math.min(max, Math.max(0, roundTo(n, checkout.currency))) : 0;
}

/** The "use points" toggle with the amount to spend (up to what the user has and the total). */
export function PointsToggle({
  checkout,
  available,
  on,
  text,
  onToggle,
  onText,
  disabled,
}: {
  checkout: Checkout;
  available: number;
  on: boolean;
  text: string;
  onToggle: (on: boolean) => void;
  onText: (text: string) => void;
  disabled: boolean;
}) {
  const { t, locale } = useI18n();
  const max = Math.min(available, checkout.amount);
  return (
    <div className="points-toggle">
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={on}
          checked={on}
          disabled={disabled || max <= 0}
          onChange={(e) => onToggle(e.target.checked)}
        />
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span className="switch__text">
          {t('pay.usePoints')}
          <span className="muted small">
            {t('pay.pointsAvailable', { points: formatPoints(available, checkout.currency, locale) })}
          </span>
        </span>
      </label>
      <div className="points-toggle__amount" hidden={!on}>
        <label htmlFor="points" className="field__label">
          {t('pay.pointsToUse', { max: formatPoints(max, checkout.currency, locale) })}
        </label>
        <input
          id="points"
          className="input"
          type="number"
          inputMode={currencyDigits(checkout.currency) > 0 ? 'decimal' : 'numeric'}
          min={0}
          max={max}
          step={currencyDigits(checkout.currency) > 0 ? 0.01 : 1}
          value={text}
          disabled={disabled || !on}
          onChange={(e) => onText(e.target.value)}
        />
      </div>
    </div>
  );
}

/** The split of the payment between points and the chosen method, with the total. */
export function SplitSummary({ checkout, parts }: { checkout: Checkout; parts: readonly SplitPart[] }) {
  const { t, locale } = useI18n();
  return (
    <dl className="split" data-testid="split" aria-label={t('pay.summary')}>
      {parts.map((p) => (
        <div className="split__row" key={p.label}>
          <dt>{p.label}</dt>
          <dd>
            {p.points
              ? t('pay.pointsValue', { points: formatPoints(p.amount, checkout.currency, locale) })
              : formatMoney(p.amount, checkout.currency, locale)}
          </dd>
        </div>
      ))}
      <div className="split__row split__row--total">
        <dt>{t('pay.split.total')}</dt>
        <dd>{formatMoney(checkout.amount, checkout.currency, locale)}</dd>
      </div>
    </dl>
  );
}
