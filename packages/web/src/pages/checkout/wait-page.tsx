import { useEffect, useRef, useState } from 'react';
import { cancelCheckout } from '../../api/endpoints.ts';
import { useSession } from '../../api/session.tsx';
import type { Checkout } from '../../api/types.ts';
import { AppShell } from '../../components/app-shell.tsx';
import { Countdown } from '../../components/countdown.tsx';
import { OrderSummary } from '../../components/order-summary.tsx';
import { QrCode } from '../../components/qr-code.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { groupDigits } from '../../lib/format.ts';
import { CheckoutClosed } from './checkout-closed.tsx';
import { useLiveCheckout } from './use-live-checkout.ts';

/** Where the wallet opens this checkout; `via=qr` tells the phone the computer goes on to the merchant. */
export function walletLink(reserveId: string, fromQr: boolean): string {
  return `${window.location.origin}/app/payment/${encodeURIComponent(reserveId)}${fromQr ? '?via=qr' : ''}`;
}

// checkConfirmUrlBrowser: only the browser that started the payment opens the confirmUrl;
// another one showing this page tells the shopper to go back there (the server withholds the URL).
function guideOnly(c: Checkout, startedHere: boolean): boolean {
  return c.checkConfirmUrlBrowser && !startedHere && (c.status === 'APPROVED' || c.status === 'COMPLETED');
}

function leavesFor(c: Checkout | undefined, startedHere: boolean): string | null {
  if (!c?.redirectUrl || guideOnly(c, startedHere)) {
    return null;
  }
  return c.status === 'APPROVED' || c.status === 'COMPLETED' || c.status === 'CANCELLED'
    ? c.redirectUrl
    : null;
}

/** The desktop checkout (paymentUrl.web): QR code, access token, countdown and a live status. */
export function WaitPage({ reserveId }: { reserveId: string }) {
  const { t, suggest } = useI18n();
  const { session } = useSession();
  const { checkout, error, transport, offsetMs, startedHere } = useLiveCheckout(reserveId);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<string | undefined>();
  const leaving = useRef(false);

  useEffect(() => {
    if (checkout) {
      suggest(checkout.locale);
    }
  }, [checkout, suggest]);

  const target = leavesFor(checkout, startedHere);
  useEffect(() => {
    if (target && !leaving.current) {
      leaving.current = true;
      window.location.assign(target);
    }
  }, [target]);

  const cancel = async () => {
    setCancelling(true);
    setCancelError(undefined);
    try {
      const r = await cancelCheckout(reserveId);
      if (r.redirectUrl && !leaving.current) {
        leaving.current = true;
        window.location.assign(r.redirectUrl);
      }
    } catch (e) {
      setCancelError(errorText(e, t));
      setCancelling(false);
    }
  };

  if (error) {
    return (
      <AppShell wide>
        <CheckoutClosed kind="notFound" checkout={undefined} />
      </AppShell>
    );
  }
  if (!checkout) {
    return (
      <AppShell wide>
        <div className="card skeleton" aria-busy="true">
          {t('app.loading')}
        </div>
      </AppShell>
    );
  }
  if (checkout.status === 'EXPIRED' || checkout.status === 'FAILED') {
    return (
      <AppShell wide>
        <CheckoutClosed kind={checkout.status === 'EXPIRED' ? 'expired' : 'failed'} checkout={checkout} />
      </AppShell>
    );
  }
  if (!target && checkout.status !== 'WAITING') {
    const guide = guideOnly(checkout, startedHere);
    const kind = checkout.status === 'CANCELLED' ? 'cancelled' : guide ? 'guide' : 'done';
    return (
      <AppShell wide>
        <CheckoutClosed kind={kind} checkout={checkout} />
      </AppShell>
    );
  }

  const live = target
    ? t(checkout.status === 'CANCELLED' ? 'checkout.live.cancelled' : 'checkout.live.approved', {
        merchant: checkout.merchantName,
      })
    : t(transport === 'polling' ? 'checkout.live.offline' : 'checkout.live.waiting');

  return (
    <AppShell wide>
      <div className="checkout-grid">
        <section className="card checkout-order" aria-label={t('checkout.total')}>
          <OrderSummary checkout={checkout} compact />
          <div className="steps">
            <h2 className="section-title">{t('checkout.howTo')}</h2>
            <ol className="steps__list small">
              <li>{t('checkout.step1')}</li>
              <li>{t('checkout.step2')}</li>
              <li>{t('checkout.step3')}</li>
            </ol>
          </div>
          <div className="checkout-order__foot">
            <Countdown expiresAt={checkout.expiresAt} offsetMs={offsetMs} />
            <button
              type="button"
              className="button button--ghost"
              onClick={cancel}
              disabled={cancelling || !session || target !== null}
              data-testid="cancel"
            >
              {cancelling ? t('checkout.cancelling') : t('checkout.cancel')}
            </button>
          </div>
        </section>
        <section className="card scan" aria-labelledby="scan-title">
          <h2 id="scan-title" className="scan__title">
            {t('checkout.scanTitle')}
          </h2>
          <div className="scan__qr">
            <QrCode text={walletLink(reserveId, true)} label={t('checkout.qrAlt')} size={156} />
          </div>
          <p className="scan__help small muted">{t('checkout.scanHelp')}</p>
          <p className="token">
            <span className="token__label small">{t('checkout.tokenLabel')}</span>
            <span className="token__value" data-testid="access-token">
              {groupDigits(checkout.accessToken)}
            </span>
          </p>
          <a className="small link" href={walletLink(reserveId, false)} data-testid="open-wallet">
            {t('checkout.openHere')}
          </a>
          {/* One reserved line for the live status, and for a failed cancel. */}
          <p
            className={`live live--${cancelError ? 'error' : target ? 'done' : 'waiting'}`}
            role={cancelError ? 'alert' : 'status'}
            data-testid="live-status"
          >
            <span className="live__dot" aria-hidden="true" />
            {cancelError ?? live}
          </p>
        </section>
      </div>
    </AppShell>
  );
}
