import type { Coupon } from '../../api/mycard-types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDay, formatMoney } from '../../lib/format.ts';

/** The shopper's campaign coupons: what, from whom, how much, and until when. */
export function CouponList({ coupons }: { coupons: readonly Coupon[] }) {
  const { t, locale } = useI18n();
  return (
    <section className="card stack-s" aria-labelledby="coupons-title">
      <h2 id="coupons-title" className="section-title">
        {t('mycard.coupons')}
      </h2>
      {coupons.length === 0 ? <p className="muted small">{t('mycard.noCoupons')}</p> : null}
      <ul className="coupons" data-testid="coupons">
        {coupons.map((c) => {
          const expired = c.status === 'EXPIRED';
          return (
            <li key={c.couponId} className={`coupon${expired ? ' coupon--expired' : ''}`}>
              <span className="coupon__amount">{formatMoney(c.amount, c.currency, locale)}</span>
              <span className="coupon__text">
                <span className="coupon__name">{c.campaignName}</span>
                <span className="muted small">{c.merchantName}</span>
                <span className="small">
                  {expired ? (
                    <span className="pill pill--muted">{t('mycard.couponExpired')}</span>
                  ) : (
                    t('mycard.couponValid', { date: formatDay(c.expiresAt, locale) })
                  )}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
