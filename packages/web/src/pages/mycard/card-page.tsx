import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { getCard } from '../../api/mycard-endpoints.ts';
import type { CardPage as Card } from '../../api/mycard-types.ts';
import { useSignedInUser } from '../../api/session.tsx';
import { AppShell } from '../../components/app-shell.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, useLocation } from '../../lib/router.tsx';
import { useLoaded } from '../../lib/use-loaded.ts';
import { ActiveCard } from './active-card.tsx';
import { BindingBanner } from './binding-banner.tsx';
import { EndedCard } from './ended-card.tsx';
import { PendingCard } from './pending-card.tsx';

const pending = (status: Card['status']) => status === 'RESERVED' || status === 'APPLIED';

/**
 * The callback's `result` as long as it still describes the card: a reload of an old link
 * must not say "Card added" about a card removed since. ERROR explains a refused callback.
 */
function currentResult(result: string | null, card: Card | undefined): string | null {
  if (!card || result === 'ERROR') {
    return result;
  }
  return result === card.status && ['ACTIVE', 'FAILED', 'CANCELLED'].includes(result) ? result : null;
}

/** /wallet/mycard/cards/{bindingId}: where the binding callback lands (`?result=&code=`) and where a card is shown. */
export function CardPage({ bindingId }: { bindingId: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  useSignedInUser();
  const { value: card, error, reload } = useLoaded(`card:${bindingId}`, () => getCard(bindingId));
  const result = currentResult(query.get('result'), card);
  const banner = (
    <BindingBanner result={result} code={query.get('code')} merchantName={card?.program.merchantName} />
  );
  let body: ReactNode;
  if (!card) {
    const missing = error instanceof ApiError && (error.code === '3112' || error.status === 404);
    body = (
      <section className="card stack-s" data-testid={error ? 'card-error' : undefined}>
        <p role={error ? 'alert' : undefined} aria-busy={!error}>
          {error ? (missing ? t('error.3112') : errorText(error, t)) : t('app.loading')}
        </p>
      </section>
    );
  } else if (card.status === 'ACTIVE') {
    body = <ActiveCard card={card} />;
  } else if (pending(card.status)) {
    body = <PendingCard card={card} onChanged={reload} />;
  } else {
    body = <EndedCard card={card} explained={result !== null} />;
  }
  return (
    <AppShell>
      <div className="stack">
        {card || error ? banner : null}
        {body}
        <Link className="link small center" href="/wallet/mycard">
          {t('mycard.myCards')}
        </Link>
      </div>
    </AppShell>
  );
}
