import type { ProgramDetail as Detail } from '../../api/mycard-types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isWebUrl } from '../../lib/web-url.ts';

/**
 * A program's detail page: the template's benefits, terms and contact as plain text (React
 * escapes it; line breaks are kept by CSS), or a clearly labelled link to the merchant's own page.
 */
export function ProgramDetail({ detail, merchantName }: { detail: Detail; merchantName: string }) {
  const { t } = useI18n();
  if (detail.type === 'EXTERNAL') {
    if (!isWebUrl(detail.url)) {
      return null;
    }
    return (
      <section className="card stack-s" aria-labelledby="detail-title" data-testid="program-detail">
        <h2 id="detail-title" className="section-title">
          {t('mycard.detailTitle')}
        </h2>
        <p className="muted small">{t('mycard.externalHelp', { merchant: merchantName })}</p>
        <a
          className="button button--ghost button--block"
          href={detail.url}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="external-detail"
        >
          {t('mycard.externalLink', { merchant: merchantName })}
          <span aria-hidden="true"> ↗</span>
          <span className="visually-hidden"> {t('mycard.newTab')}</span>
        </a>
        <p className="muted small external-host">{new URL(detail.url).host}</p>
      </section>
    );
  }
  const parts = [
    { key: 'benefits', title: t('mycard.benefits'), text: detail.benefits },
    { key: 'terms', title: t('mycard.terms'), text: detail.terms },
    { key: 'contact', title: t('mycard.contact'), text: detail.contact },
  ].filter((p) => p.text.trim() !== '');
  if (parts.length === 0) {
    return null;
  }
  return (
    <section className="card stack-s" aria-labelledby="detail-title" data-testid="program-detail">
      <h2 id="detail-title" className="visually-hidden">
        {t('mycard.detailTitle')}
      </h2>
      {parts.map((p) => (
        <div key={p.key} className="detail-part">
          <h3 className="section-title">{p.title}</h3>
          <p className="detail-text">{p.text}</p>
        </div>
      ))}
    </section>
  );
}
