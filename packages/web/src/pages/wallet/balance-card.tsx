import type { Currency, Holding } from '../../api/types.ts';
import { Amount } from '../../components/amount.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber, formatPoints } from '../../lib/format.ts';

const order: readonly Currency[] = ['TWD', 'USD', 'THB', 'JPY'];
const sorted = (list: readonly Holding[]) =>
  [...list].sort((a, b) => order.indexOf(a.currency) - order.indexOf(b.currency));

/** The wallet's money at a glance: the main balance large, other currencies and points beside it. */
export function BalanceCard({
  balances,
  points,
}: {
  balances: readonly Holding[];
  points: readonly Holding[];
}) {
  const { t, locale } = useI18n();
  const [main, ...others] = sorted(balances);
  const earned = sorted(points).filter((p) => p.amount > 0);
  return (
    <div className="balance-card" data-testid="balances">
      <span className="balance-card__label">{t('wallet.balances')}</span>
      {main ? (
        <Amount amount={main.amount} currency={main.currency} size="l" />
      ) : (
        <p>{t('wallet.noBalance')}</p>
      )}
      {others.length > 0 ? (
        <ul className="chips" aria-label={t('wallet.balances')}>
          {others.map((b) => (
            <li key={b.currency} className="chip">
              <span className="chip__code">{b.currency}</span>
              {formatNumber(b.amount, b.currency, locale)}
            </li>
          ))}
        </ul>
      ) : null}
      <span className="balance-card__label">{t('wallet.points')}</span>
      {earned.length > 0 ? (
        <ul className="chips" aria-label={t('wallet.points')}>
          {earned.map((p) => (
            <li key={p.currency} className="chip chip--points">
              <span className="chip__code">{p.currency}</span>
              {t('pay.pointsValue', { points: formatPoints(p.amount, p.currency, locale) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small">{t('wallet.noPoints')}</p>
      )}
    </div>
  );
}
