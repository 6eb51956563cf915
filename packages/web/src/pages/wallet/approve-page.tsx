import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorCode } from '../../api/client.ts';
import { approveCheckout, cancelCheckout, getCheckout, getWallet, signOut } from '../../api/endpoints.ts';
import { useSession, useSignedInUser } from '../../api/session.tsx';
import type { ApproveChoice, Checkout, Wallet } from '../../api/types.ts';
import { AppShell } from '../../components/app-shell.tsx';
import { Notice } from '../../components/notice.tsx';
import { OrderSummary } from '../../components/order-summary.tsx';
import { PinField } from '../../components/pin-field.tsx';
import { ResultPanel } from '../../components/result-panel.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatMoney, roundTo } from '../../lib/format.ts';
import { Link, navigate } from '../../lib/router.tsx';
import { defaultMethod, holdingsFor, type MethodKey, PayMethods } from './pay-methods.tsx';
import { PointsToggle, pointsFrom, type SplitPart, SplitSummary } from './points-split.tsx';

type Phase = 'form' | 'busy' | 'redirecting' | 'done' | 'guide' | 'cancelled' | 'closed';

const closedKey = {
  APPROVED: 'pay.alreadyApproved',
  COMPLETED: 'pay.alreadyApproved',
  CANCELLED: 'pay.closedCancelled',
  EXPIRED: 'pay.closedExpired',
  FAILED: 'pay.closedFailed',
} as const;

/**
 * The wallet's approval sheet (paymentUrl.app, or a QR / typed code from the desktop page):
 * what is paid, how (balance, card, points, points plus either), the PIN, approve or cancel.
 * `companion` = the desktop page goes on to the merchant, so this page only confirms. With the
 * merchant's checkConfirmUrlBrowser, a browser that did not start the payment shows a guide back.
 */
export function ApprovePage({ reserveId, companion }: { reserveId: string; companion: boolean }) {
  const { t, locale, suggest } = useI18n();
  const { session, refresh } = useSession();
  const user = useSignedInUser();
  const [data, setData] = useState<{ checkout: Checkout; wallet: Wallet } | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [method, setMethod] = useState<MethodKey>('BALANCE');
  const [usePoints, setUsePoints] = useState(false);
  const [pointsText, setPointsText] = useState('');
  const [pin, setPin] = useState('');
  // Errors are kept as values and put in words at render, so the language switch applies to them.
  const [error, setError] = useState<ApiError | undefined>();
  const [phase, setPhase] = useState<Phase>('form');
  const [closedBy, setClosedBy] = useState<ApiError | undefined>();
  const pinRef = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      const [checkout, wallet] = await Promise.all([getCheckout(reserveId), getWallet()]);
      setData({ checkout, wallet });
      suggest(checkout.locale);
      setMethod(defaultMethod(wallet, checkout));
      if (checkout.status !== 'WAITING') {
        setPhase('closed');
      }
    } catch (e) {
      if (errorCode(e) === 'sign_in_required') {
        await refresh();
        return;
      }
      setLoadError(e ?? new Error('load failed'));
    }
  }, [reserveId, suggest, refresh]);

  useEffect(() => {
    if (user) {
      void load();
    }
  }, [user, load]);

  if (loadError) {
    return (
      <AppShell>
        <ResultPanel tone="error" title={errorText(loadError, t)} testId="pay-load-error" />
      </AppShell>
    );
  }
  if (!user || !data) {
    return (
      <AppShell>
        <div className="card skeleton" aria-busy="true">
          {t('app.loading')}
        </div>
      </AppShell>
    );
  }
  const { checkout, wallet } = data;
  const merchant = checkout.merchantName;
  const { points: available } = holdingsFor(wallet, checkout);
  const maxPoints = Math.min(available, checkout.amount);
  const spend = method !== 'POINT' && usePoints ? pointsFrom(pointsText, maxPoints, checkout) : 0;
  const card = method.startsWith('card:')
    ? wallet.cards.find((c) => `card:${c.cardId}` === method)
    : undefined;
  const methodLabel = card ? t('pay.card', { brand: card.brand, last4: card.last4 }) : t('pay.balance');
  const rest = roundTo(checkout.amount - spend, checkout.currency);
  const parts: SplitPart[] =
    method === 'POINT'
      ? [{ label: t('pay.split.points'), amount: checkout.amount, points: true }]
      : [
          ...(spend > 0 ? [{ label: t('pay.split.points'), amount: spend, points: true }] : []),
          ...(rest > 0 ? [{ label: methodLabel, amount: rest, points: false }] : []),
        ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(pin)) {
      setError(new ApiError('pin_format', 'PIN must be 6 digits', 0));
      pinRef.current?.focus();
      return;
    }
    const choice: ApproveChoice = {
      method: method === 'POINT' ? 'POINT' : card ? 'CREDIT_CARD' : 'BALANCE',
      pin,
      ...(card ? { cardId: card.cardId } : {}),
      ...(spend > 0 ? { points: spend } : {}),
    };
    setPhase('busy');
    setError(undefined);
    try {
      const r = await approveCheckout(reserveId, choice);
      if (r.guide) {
        setPhase('guide');
      } else if (r.redirectUrl && !companion) {
        setPhase('redirecting');
        window.location.assign(r.redirectUrl);
      } else {
        setPhase('done');
      }
    } catch (err) {
      const code = errorCode(err);
      if (code === 'sign_in_required') {
        await refresh();
        return;
      }
      if (code === 'pin_not_set') {
        // The session said otherwise (another tab, or a stale view): ask for a PIN first.
        void refresh();
      }
      if (err instanceof ApiError && (code === 'pin_locked' || code === '1180' || code === '1179')) {
        setClosedBy(err);
        setPhase('closed');
        return;
      }
      setError(err instanceof ApiError ? err : new ApiError('unknown', String(err), 0));
      setPhase('form');
      if (code === 'pin_incorrect') {
        setPin('');
        window.setTimeout(() => pinRef.current?.focus(), 0);
      }
    }
  };

  const cancel = async () => {
    setPhase('busy');
    try {
      const r = await cancelCheckout(reserveId);
      if (r.redirectUrl && !companion) {
        setPhase('redirecting');
        window.location.assign(r.redirectUrl);
      } else {
        setPhase('cancelled');
      }
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('unknown', String(err), 0));
      setPhase('form');
    }
  };

  const switchUser = async () => {
    await signOut().catch(() => undefined);
    await refresh();
    navigate(
      `/wallet/signin?returnTo=${encodeURIComponent(window.location.pathname + window.location.search)}`,
    );
  };

  if (phase === 'done' || phase === 'redirecting' || phase === 'guide') {
    return (
      <AppShell>
        <ResultPanel
          tone="success"
          title={t('pay.doneTitle')}
          testId={phase === 'guide' ? 'pay-guide' : 'pay-done'}
        >
          <p>
            {phase === 'guide'
              ? t('pay.guideBody')
              : phase === 'redirecting'
                ? t('pay.redirecting', { merchant })
                : companion
                  ? t('pay.doneDesktop', { merchant })
                  : t('pay.doneBody', { merchant })}
          </p>
          <p className="result__amount">{formatMoney(checkout.amount, checkout.currency, locale)}</p>
        </ResultPanel>
      </AppShell>
    );
  }
  if (phase === 'cancelled' || phase === 'closed') {
    return (
      <AppShell>
        <ResultPanel
          tone={phase === 'cancelled' ? 'neutral' : 'warning'}
          title={
            phase === 'cancelled'
              ? t('pay.cancelledTitle')
              : closedBy
                ? errorText(closedBy, t)
                : t(checkout.status === 'WAITING' ? 'pay.closedFailed' : closedKey[checkout.status])
          }
          testId={phase === 'cancelled' ? 'pay-cancelled' : 'pay-closed'}
        >
          {phase === 'cancelled' ? <p>{t('pay.cancelledBody')}</p> : null}
        </ResultPanel>
      </AppShell>
    );
  }

  const busy = phase === 'busy';
  const here = window.location.pathname + window.location.search;
  // No PIN yet (e.g. a new OpenID Connect user): the sheet sends the shopper to set one first.
  const needsPin = session?.pinSet === false || error?.code === 'pin_not_set';
  return (
    <AppShell>
      <form className="stack" onSubmit={submit} noValidate aria-label={t('pay.title')}>
        <section className="card">
          <OrderSummary checkout={checkout} compact />
        </section>
        <section className="card stack-s">
          <p className="whoami small muted">
            <span>{t('pay.signedInAs', { name: user.displayName })}</span>
            <button type="button" className="link-button" onClick={switchUser} disabled={busy}>
              {t('pay.switchUser')}
            </button>
          </p>
          <PayMethods
            checkout={checkout}
            wallet={wallet}
            value={method}
            onChange={(m) => {
              setMethod(m);
              setError(undefined);
            }}
            disabled={busy}
            addCardHref={`/wallet/cards/new?returnTo=${encodeURIComponent(here)}`}
          />
          {available > 0 && method !== 'POINT' ? (
            <PointsToggle
              checkout={checkout}
              available={available}
              on={usePoints}
              text={pointsText}
              onToggle={(on) => {
                setUsePoints(on);
                if (on && pointsText === '') {
                  setPointsText(String(maxPoints));
                }
              }}
              onText={setPointsText}
              disabled={busy}
            />
          ) : null}
          <SplitSummary checkout={checkout} parts={parts} />
        </section>
        <section className="card stack-s">
          {needsPin ? (
            <div className="stack-s" data-testid="pin-needed">
              <Notice tone="info" id="pay-pin-needed">
                <strong>{t('pay.pinNeeded')}</strong>
              </Notice>
              <p className="muted small">{t('pay.pinNeededBody')}</p>
              <Link
                className="button button--primary button--block"
                href={`/wallet/pin?returnTo=${encodeURIComponent(here)}`}
              >
                {t('pay.setPin')}
              </Link>
            </div>
          ) : (
            <>
              <PinField
                value={pin}
                onChange={setPin}
                sandbox={session?.mode === 'sandbox'}
                disabled={busy}
                inputRef={pinRef}
                invalid={error?.code === 'pin_incorrect' || error?.code === 'pin_format'}
              />
              <Notice tone="error" id="pay-error">
                {error ? errorText(error, t) : undefined}
              </Notice>
              <button
                type="submit"
                className="button button--primary button--block"
                disabled={busy}
                data-testid="approve"
              >
                {busy
                  ? t('pay.approving')
                  : t('pay.approve', { amount: formatMoney(checkout.amount, checkout.currency, locale) })}
              </button>
            </>
          )}
          <button
            type="button"
            className="button button--ghost button--block"
            onClick={cancel}
            disabled={busy}
          >
            {t('pay.cancel')}
          </button>
        </section>
      </form>
    </AppShell>
  );
}
