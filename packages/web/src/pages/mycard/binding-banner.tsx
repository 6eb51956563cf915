import { codeText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * How a binding ended, from the callback's redirect (`?result=&code=`) or a removal: "Card
 * added", or why not in words. The query is anyone's to write, so only known results show and
 * codes are read through the error-text table (never echoed as written).
 */
export function BindingBanner({
  result,
  code,
  merchantName,
}: {
  result: string | null;
  code: string | null;
  merchantName: string | undefined;
}) {
  const { t } = useI18n();
  const merchant = merchantName ?? t('mycard.theMerchant');
  switch (result) {
    case 'ACTIVE':
      return (
        <div
          className="banner banner--success"
          role="status"
          data-testid="binding-result"
          data-result={result}
        >
          <span className="banner__icon" aria-hidden="true">
            ✓
          </span>
          <span>
            <strong className="banner__title">{t('mycard.result.ACTIVE')}</strong>
            <span className="banner__body">{t('mycard.result.activeBody', { merchant })}</span>
          </span>
        </div>
      );
    case 'REMOVED':
      return (
        <div
          className="banner banner--success"
          role="status"
          data-testid="binding-result"
          data-result={result}
        >
          <span className="banner__icon" aria-hidden="true">
            ✓
          </span>
          <strong className="banner__title">{t('mycard.removed')}</strong>
        </div>
      );
    case 'FAILED':
    case 'CANCELLED':
    case 'ERROR': {
      const body =
        result === 'FAILED'
          ? t('mycard.result.FAILED', { merchant })
          : result === 'CANCELLED'
            ? t('mycard.result.CANCELLED', { merchant })
            : codeText(code ?? 'unknown', t);
      return (
        <div
          className={`banner ${result === 'CANCELLED' ? 'banner--info' : 'banner--error'}`}
          role={result === 'CANCELLED' ? 'status' : 'alert'}
          data-testid="binding-result"
          data-result={result}
        >
          <span className="banner__icon" aria-hidden="true">
            {result === 'CANCELLED' ? 'i' : '!'}
          </span>
          <span>
            <strong className="banner__title">{t(`mycard.resultTitle.${result}`)}</strong>
            <span className="banner__body">{body}</span>
          </span>
        </div>
      );
    }
    default:
      return null;
  }
}
