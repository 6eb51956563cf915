import type { Checkout } from '../../api/types.ts';
import { ResultPanel } from '../../components/result-panel.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The desktop checkout once it cannot be paid: expired, failed, cancelled, done, guide back, unknown. */
export function CheckoutClosed({
  kind,
  checkout,
}: {
  kind: 'expired' | 'failed' | 'cancelled' | 'done' | 'guide' | 'notFound';
  checkout: Checkout | undefined;
}) {
  const { t } = useI18n();
  const merchant = checkout?.merchantName ?? '';
  const back =
    checkout?.cancelUrl && kind !== 'done' && kind !== 'guide' ? (
      <a className="button button--primary" href={checkout.cancelUrl} data-testid="back-to-merchant">
        {t('checkout.backToMerchant', { merchant })}
      </a>
    ) : undefined;
  switch (kind) {
    case 'expired':
      return (
        <ResultPanel
          tone="warning"
          title={t('checkout.expiredTitle')}
          action={back}
          testId="checkout-expired"
        >
          <p>{t('checkout.expiredBody', { merchant })}</p>
        </ResultPanel>
      );
    case 'failed':
      return (
        <ResultPanel tone="error" title={t('checkout.failedTitle')} action={back} testId="checkout-failed">
          <p>{t('checkout.failedBody', { merchant })}</p>
        </ResultPanel>
      );
    case 'cancelled':
      return (
        <ResultPanel
          tone="neutral"
          title={t('checkout.cancelledTitle')}
          action={back}
          testId="checkout-cancelled"
        />
      );
    case 'done':
      return (
        <ResultPanel tone="success" title={t('checkout.doneTitle')} testId="checkout-done">
          <p>{t('checkout.doneBody', { merchant })}</p>
        </ResultPanel>
      );
    case 'guide':
      return (
        <ResultPanel tone="success" title={t('checkout.doneTitle')} testId="checkout-guide">
          <p>{t('pay.guideBody')}</p>
        </ResultPanel>
      );
    default:
      return <ResultPanel tone="error" title={t('checkout.notFound')} testId="checkout-not-found" />;
  }
}
