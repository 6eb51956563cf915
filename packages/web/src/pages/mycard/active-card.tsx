import type { CardPage as Card } from '../../api/mycard-types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDay } from '../../lib/format.ts';
import { navigate } from '../../lib/router.tsx';
import { MembershipCode } from './membership-code.tsx';
import { ProgramDetail } from './program-detail.tsx';
import { ProgramLogo } from './program-logo.tsx';
import { RemoveCard } from './remove-card.tsx';

/** The membership card at the counter: its barcode in the program's symbology, the detail page, "Remove card". */
export function ActiveCard({ card }: { card: Card }) {
  const { t, locale } = useI18n();
  const p = card.program;
  return (
    <>
      <article className="member-card" aria-labelledby="card-title" data-testid="member-card">
        <header className="member-card__head">
          <ProgramLogo name={p.name} logoUrl={p.logoUrl} />
          <div className="program-head__text">
            <h1 id="card-title" className="member-card__name">
              {p.name}
            </h1>
            <p className="member-card__merchant">{p.merchantName}</p>
            {card.displayName ? <span className="member-card__tier">{card.displayName}</span> : null}
          </div>
        </header>
        <div className="member-card__code">
          {card.barcode ? <MembershipCode barcode={card.barcode} programName={p.name} /> : null}
          <p className="muted small center">{t('mycard.scanHint')}</p>
        </div>
      </article>
      <ProgramDetail detail={p.detail} merchantName={p.merchantName} />
      <section className="card stack-s" aria-label={t('mycard.remove')}>
        {card.activatedAt ? (
          <p className="muted small">{t('mycard.addedOn', { date: formatDay(card.activatedAt, locale) })}</p>
        ) : null}
        <RemoveCard
          bindingId={card.bindingId}
          label={t('mycard.remove')}
          question={t('mycard.removeConfirm', { name: p.name, merchant: p.merchantName })}
          onRemoved={() => navigate('/wallet/mycard?result=REMOVED', { replace: true })}
        />
      </section>
    </>
  );
}
