import type { CardPage as Card } from '../../api/mycard-types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProgramLogo } from './program-logo.tsx';
import { RemoveCard } from './remove-card.tsx';

/** A binding still waiting for the merchant (the shopper came back early): wait, or cancel it. */
export function PendingCard({ card, onChanged }: { card: Card; onChanged: () => void }) {
  const { t } = useI18n();
  const merchant = card.program.merchantName;
  return (
    <section className="card stack-s" data-testid="card-pending">
      <div className="program-head">
        <ProgramLogo name={card.program.name} logoUrl={card.program.logoUrl} />
        <div className="program-head__text">
          <h1 className="page-title">{card.program.name}</h1>
          <p className="muted">{merchant}</p>
        </div>
      </div>
      <p>{t('mycard.status.pending', { merchant })}</p>
      <p className="muted small">{t('mycard.pendingHelp', { merchant })}</p>
      <RemoveCard
        bindingId={card.bindingId}
        label={t('mycard.cancelPending')}
        question={t('mycard.cancelPendingConfirm', { merchant })}
        onRemoved={onChanged}
      />
    </section>
  );
}
