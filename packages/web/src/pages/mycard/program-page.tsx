import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { getProgram, reserveBinding } from '../../api/mycard-endpoints.ts';
import { useSignedInUser } from '../../api/session.tsx';
import { AppShell } from '../../components/app-shell.tsx';
import { Notice } from '../../components/notice.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useLoaded } from '../../lib/use-loaded.ts';
import { ProgramDetail } from './program-detail.tsx';
import { ProgramLogo } from './program-logo.tsx';

/** A card program before it is added: what it is, its detail page, and "Bind my membership". */
export function ProgramPage({ programId }: { programId: string }) {
  const { t } = useI18n();
  useSignedInUser();
  const { value: program, error } = useLoaded(`program:${programId}`, () => getProgram(programId));
  const [busy, setBusy] = useState(false);
  const [bindError, setBindError] = useState<unknown>();

  const bind = async () => {
    setBusy(true);
    setBindError(undefined);
    try {
      const r = await reserveBinding(programId);
      // The merchant's binding page: the shopper signs in there and comes back to the card page.
      window.location.assign(r.redirectUrl);
    } catch (e) {
      setBindError(e);
      setBusy(false);
    }
  };

  if (!program) {
    const missing = error instanceof ApiError && (error.code === '3111' || error.status === 404);
    return (
      <AppShell>
        <section className="card stack-s">
          <p role={error ? 'alert' : undefined} aria-busy={!error}>
            {error ? (missing ? t('error.3111') : errorText(error, t)) : t('app.loading')}
          </p>
          <Link className="link small" href="/wallet/mycard/add">
            {t('app.back')}
          </Link>
        </section>
      </AppShell>
    );
  }
  const held = program.held && program.bindingId;
  const codeTypeKey = `mycard.codeType.${program.codeType}` as const;
  return (
    <AppShell>
      <div className="stack">
        <section className="card stack-s" aria-labelledby="program-title" data-testid="program">
          <div className="program-head">
            <ProgramLogo name={program.name} logoUrl={program.logoUrl} size="l" />
            <div className="program-head__text">
              <h1 id="program-title" className="page-title">
                {program.name}
              </h1>
              <p className="muted">{program.merchantName}</p>
            </div>
          </div>
          <dl className="facts">
            <div>
              <dt>{t('mycard.codeAtCounter')}</dt>
              <dd>{t(codeTypeKey)}</dd>
            </div>
          </dl>
          {held ? (
            <>
              <p className="pill pill--ok program-held">{t('mycard.alreadyHeld')}</p>
              <Link
                className="button button--primary button--block"
                href={`/wallet/mycard/cards/${encodeURIComponent(program.bindingId ?? '')}`}
              >
                {t('mycard.openCard')}
              </Link>
            </>
          ) : (
            <>
              <p className="hint small" id="bind-explain">
                {t('mycard.bindExplain', { merchant: program.merchantName })}
              </p>
              <Notice tone="error">{bindError ? errorText(bindError, t) : undefined}</Notice>
              <button
                type="button"
                className="button button--primary button--block"
                onClick={bind}
                disabled={busy}
                aria-describedby="bind-explain"
              >
                {busy ? t('mycard.binding', { merchant: program.merchantName }) : t('mycard.bind')}
              </button>
            </>
          )}
          <Link className="link small center" href="/wallet/mycard/add">
            {t('app.back')}
          </Link>
        </section>
        <ProgramDetail detail={program.detail} merchantName={program.merchantName} />
      </div>
    </AppShell>
  );
}
