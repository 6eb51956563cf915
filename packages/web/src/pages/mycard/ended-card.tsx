import type { CardPage as Card } from '../../api/mycard-types.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { ProgramLogo } from './program-logo.tsx';

/** Why a binding that is not active ended, in the shopper's words. */
function endedKey(status: Card['status']): MessageKey {
  switch (status) {
    case 'FAILED':
      return 'mycard.status.FAILED';
    case 'CANCELLED':
      return 'mycard.status.CANCELLED';
    case 'EXPIRED':
      return 'mycard.status.EXPIRED';
    default:
      return 'mycard.status.UNBOUND';
  }
}

/** A card that is not (or no longer) in the wallet: how it ended (unless a banner just said so), and the way to add it again. */
export function EndedCard({ card, explained }: { card: Card; explained: boolean }) {
  const { t } = useI18n();
  const merchant = card.program.merchantName;
  return (
    <section className="card stack-s" data-testid="card-ended" data-status={card.status}>
      <div className="program-head">
        <ProgramLogo name={card.program.name} logoUrl={card.program.logoUrl} />
        <div className="program-head__text">
          <h1 className="page-title">{card.program.name}</h1>
          <p className="muted">{merchant}</p>
        </div>
      </div>
      {explained ? null : <p>{t(endedKey(card.status), { merchant })}</p>}
      <Link
        className="button button--primary button--block"
        href={`/wallet/mycard/programs/${encodeURIComponent(card.program.programId)}`}
      >
        {t('mycard.tryAgain')}
      </Link>
    </section>
  );
}
