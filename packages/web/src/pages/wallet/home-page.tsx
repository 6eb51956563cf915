import { useEffect, useState } from 'react';
import { getWallet, removeCard, signOut } from '../../api/endpoints.ts';
import { useSession, useSignedInUser } from '../../api/session.tsx';
import type { Wallet } from '../../api/types.ts';
import { AppShell } from '../../components/app-shell.tsx';
import { CardBrand } from '../../components/card-brand.tsx';
import { Notice } from '../../components/notice.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { BalanceCard } from './balance-card.tsx';
import { TopUpForm } from './top-up-form.tsx';

/** The wallet's home: balances, points, saved cards, top-up, and the way to history and sign-out. */
export function HomePage() {
  const { t } = useI18n();
  const { session, refresh } = useSession();
  const user = useSignedInUser();
  const [wallet, setWallet] = useState<Wallet | undefined>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (user) {
      getWallet().then(setWallet, setError);
    }
  }, [user]);

  const leave = async () => {
    await signOut().catch(() => undefined);
    await refresh();
    navigate('/wallet/signin?returnTo=%2Fwallet', { replace: true });
  };
  const remove = async (cardId: string) => {
    try {
      await removeCard(cardId);
      setWallet(await getWallet());
    } catch (e) {
      setError(e);
    }
  };

  if (!user || !wallet) {
    return (
      <AppShell>
        <div className="card skeleton" aria-busy="true">
          {error ? errorText(error, t) : t('app.loading')}
        </div>
      </AppShell>
    );
  }
  return (
    <AppShell>
      <div className="stack">
        <section className="card hero" aria-labelledby="hello">
          <div className="hero__head">
            <h1 id="hello" className="page-title">
              {t('wallet.hello', { name: wallet.user.displayName })}
            </h1>
            <button type="button" className="link-button" onClick={leave}>
              {t('wallet.signOut')}
            </button>
          </div>
          <BalanceCard balances={wallet.balances} points={wallet.points} />
          <nav className="quick-links" aria-label={t('app.name')}>
            <Link className="button button--primary" href="/wallet/pay">
              {t('wallet.payCode')}
            </Link>
            <Link className="button button--secondary" href="/wallet/history">
              {t('wallet.history')}
            </Link>
          </nav>
        </section>
        <section className="card stack-s" aria-labelledby="cards-title">
          <h2 id="cards-title" className="section-title">
            {t('wallet.cards')}
          </h2>
          {wallet.cards.length === 0 ? <p className="muted">{t('wallet.noCards')}</p> : null}
          <ul className="saved-cards">
            {wallet.cards.map((c) => (
              <li key={c.cardId} className="saved-card">
                <CardBrand brand={c.brand} />
                <span className="saved-card__text">
                  <span>{t('pay.card', { brand: c.brand, last4: c.last4 })}</span>
                  <span className="muted small">
                    {c.nickname ? `${c.nickname} · ` : ''}
                    {t('pay.cardExpires', {
                      month: String(c.expMonth).padStart(2, '0'),
                      year: String(c.expYear % 100).padStart(2, '0'),
                    })}
                  </span>
                </span>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => remove(c.cardId)}
                  aria-label={t('wallet.removeCard', { brand: c.brand, last4: c.last4 })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <Link className="button button--ghost button--block" href="/wallet/cards/new">
            + {t('wallet.addCard')}
          </Link>
          <Notice tone="error">{error ? errorText(error, t) : undefined}</Notice>
        </section>
        <Link className="card entry-link" href="/wallet/mycard" data-testid="membership-entry">
          <span className="entry-link__icon" aria-hidden="true">
            <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
              <rect
                x="2.5"
                y="5"
                width="19"
                height="14"
                rx="2.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
              />
              <path
                d="M6.5 9v6M9 9v6M10.5 9v6M13.5 9v6M15.5 9v6M17.5 9v6"
                stroke="currentColor"
                strokeWidth="1.3"
              />
            </svg>
          </span>
          <span className="entry-link__text">
            <span className="entry-link__title">{t('wallet.membership')}</span>
            <span className="muted small">{t('wallet.membershipHelp')}</span>
          </span>
          <span className="entry-link__chevron" aria-hidden="true">
            ›
          </span>
        </Link>
        <section className="card stack-s" aria-labelledby="pin-title">
          <h2 id="pin-title" className="section-title">
            {t('wallet.pin')}
          </h2>
          <p className="muted">{t(session?.pinSet === false ? 'wallet.noPin' : 'wallet.pinHelp')}</p>
          <Link className="button button--ghost button--block" href="/wallet/pin">
            {t(session?.pinSet === false ? 'wallet.setPin' : 'wallet.changePin')}
          </Link>
        </section>
        <TopUpForm onDone={setWallet} />
      </div>
    </AppShell>
  );
}
