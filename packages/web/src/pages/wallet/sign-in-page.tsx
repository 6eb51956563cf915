import { type FormEvent, useEffect, useState } from 'react';
import { getTestUsers, signInSandbox } from '../../api/endpoints.ts';
import { useSession } from '../../api/session.tsx';
import type { SessionUser } from '../../api/types.ts';
import { AppShell } from '../../components/app-shell.tsx';
import { Notice } from '../../components/notice.tsx';
import { ResultPanel } from '../../components/result-panel.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { type Translate, useI18n } from '../../i18n/i18n.tsx';
import { navigate, safeReturnPath, useLocation } from '../../lib/router.tsx';

/** Why the OpenID Connect sign-in came back here (`?error=`), in the shopper's words. */
function failureText(code: string, t: Translate): string {
  switch (code) {
    case 'sign_in_failed':
      return t('signin.errorFailed');
    case 'sign_in_expired':
      return t('signin.errorExpired');
    default:
      // Only a code-like value is echoed: the query string is anyone's to write.
      return t('signin.failed', { code: /^[a-z0-9_]{1,40}$/.test(code) ? code : 'unknown' });
  }
}

/** Wallet sign-in: a sandbox test user (pick or create); live mode needs an OpenID Connect provider. */
export function SignInPage() {
  const { t } = useI18n();
  const { session, setUser, refresh } = useSession();
  const { query } = useLocation();
  const returnTo = safeReturnPath(query.get('returnTo'));
  const [users, setUsers] = useState<readonly SessionUser[] | undefined>();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const sandbox = session?.mode === 'sandbox';
  const oidc = session?.signIn.oidc === true;
  const failed = query.get('error');
  const failure = failed ? (
    <Notice tone="error" id="signin-error">
      {failureText(failed, t)}
    </Notice>
  ) : null;

  useEffect(() => {
    if (sandbox) {
      getTestUsers().then(setUsers, setError);
    }
  }, [sandbox]);

  const signIn = async (who: { userId: string } | { displayName: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await signInSandbox(who);
      setUser(r.user);
      // The session's other facts (whether this user has a payment PIN) come from the server.
      await refresh();
      navigate(returnTo, { replace: true });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    void signIn({ displayName: name.trim() });
  };

  // The page's one h1: the provider's card in live mode, the test-user card in sandbox.
  const Heading = sandbox ? 'h2' : 'h1';
  const provider = oidc ? (
    <section className="card stack-s" aria-labelledby="oidc-title">
      <Heading id="oidc-title" className="page-title">
        {t('signin.oidcTitle')}
      </Heading>
      <p className="muted">{t('signin.oidcBody')}</p>
      {failure}
      <a
        className="button button--primary button--block"
        href={`/api/session/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
      >
        {t('signin.oidcButton')}
      </a>
    </section>
  ) : null;
  if (session && !sandbox) {
    return (
      <AppShell>
        {provider ?? (
          <ResultPanel tone="neutral" title={t('signin.liveTitle')} testId="signin-live">
            {failure}
            <p>{t('signin.liveBody')}</p>
          </ResultPanel>
        )}
      </AppShell>
    );
  }
  return (
    <AppShell>
      <div className="stack">
        {provider}
        <section className="card stack-s" aria-labelledby="signin-title">
          <h1 id="signin-title" className="page-title">
            {t('signin.title')}
          </h1>
          {provider ? null : failure}
          <p className="muted">{t('signin.sandboxIntro')}</p>
          <h2 className="section-title">{t('signin.testUsers')}</h2>
          <ul className="user-list" aria-busy={users === undefined}>
            {(users ?? []).map((u) => (
              <li key={u.userId}>
                <button
                  type="button"
                  className="user-button"
                  onClick={() => signIn({ userId: u.userId })}
                  disabled={busy}
                  aria-label={t('signin.continueAs', { name: u.displayName })}
                >
                  <span className="avatar" aria-hidden="true">
                    {u.displayName.slice(0, 1).toUpperCase()}
                  </span>
                  <span className="user-button__name">{u.displayName}</span>
                  <span className="user-button__chevron" aria-hidden="true">
                    ›
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <form className="card stack-s" onSubmit={create} aria-labelledby="create-title">
          <h2 id="create-title" className="section-title">
            {t('signin.create')}
          </h2>
          <div className="field">
            <label htmlFor="display-name" className="field__label">
              {t('signin.displayName')}
            </label>
            <input
              id="display-name"
              className="input"
              value={name}
              maxLength={40}
              autoComplete="nickname"
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--secondary button--block" disabled={busy}>
            {t('signin.createButton')}
          </button>
          <Notice tone="error">{error ? errorText(error, t) : undefined}</Notice>
        </form>
      </div>
    </AppShell>
  );
}
