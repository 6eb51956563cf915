import { getCoupons, getMyCards } from '../../api/mycard-endpoints.ts';
import { useSignedInUser } from '../../api/session.tsx';
import { AppShell } from '../../components/app-shell.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDay } from '../../lib/format.ts';
import { Link, useLocation } from '../../lib/router.tsx';
import { useLoaded } from '../../lib/use-loaded.ts';
import { BindingBanner } from './binding-banner.tsx';
import { CouponList } from './coupon-list.tsx';
import { ProgramLogo } from './program-logo.tsx';

/** The shopper's membership cards (each opens its barcode), campaign coupons, and the way to add a card. */
export function MyCardsPage() {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  useSignedInUser();
  const { value: cards, error } = useLoaded('cards', getMyCards);
  const { value: coupons, error: couponError } = useLoaded('coupons', getCoupons);
  return (
    <AppShell>
      <div className="stack">
        <BindingBanner result={query.get('result')} code={query.get('code')} merchantName={undefined} />
        <section className="card stack-s" aria-labelledby="mycards-title">
          <div className="hero__head">
            <h1 id="mycards-title" className="page-title">
              {t('mycard.title')}
            </h1>
            <Link className="link small" href="/wallet">
              {t('app.toWallet')}
            </Link>
          </div>
          {error ? <p role="alert">{errorText(error, t)}</p> : null}
          {cards === undefined && !error ? <p aria-busy="true">{t('app.loading')}</p> : null}
          {cards?.length === 0 ? <p className="muted">{t('mycard.empty')}</p> : null}
          <ul className="program-list" data-testid="my-cards">
            {(cards ?? []).map((c) => (
              <li key={c.bindingId}>
                <Link
                  className="program-row program-row--link"
                  href={`/wallet/mycard/cards/${encodeURIComponent(c.bindingId)}`}
                >
                  <ProgramLogo name={c.program.name} logoUrl={c.program.logoUrl} />
                  <span className="program-row__text">
                    <span className="program-row__name">{c.program.name}</span>
                    <span className="muted small program-row__merchant">
                      {c.displayName
                        ? `${c.program.merchantName} · ${c.displayName}`
                        : c.program.merchantName}
                    </span>
                    {c.activatedAt ? (
                      <span className="muted small">
                        {t('mycard.addedOn', { date: formatDay(c.activatedAt, locale) })}
                      </span>
                    ) : null}
                  </span>
                  <span className="program-row__chevron" aria-hidden="true">
                    ›
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <Link className="button button--primary button--block" href="/wallet/mycard/add">
            + {t('mycard.add')}
          </Link>
        </section>
        {couponError ? (
          <p className="card" role="alert">
            {errorText(couponError, t)}
          </p>
        ) : coupons ? (
          <CouponList coupons={coupons} />
        ) : null}
      </div>
    </AppShell>
  );
}
