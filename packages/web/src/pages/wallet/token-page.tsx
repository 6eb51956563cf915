import { type FormEvent, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { findByToken } from '../../api/endpoints.ts';
import { AppShell } from '../../components/app-shell.tsx';
import { Notice } from '../../components/notice.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { groupDigits } from '../../lib/format.ts';
import { Link, navigate } from '../../lib/router.tsx';

/** Pay with a code: the 12-digit access token from the desktop page leads to its approval sheet. */
export function TokenPage() {
  const { t } = useI18n();
  const [digits, setDigits] = useState('');
  const [problem, setProblem] = useState<'invalid' | 'notFound' | unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (digits.length !== 12) {
      setProblem('invalid');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const reserveId = await findByToken(digits);
      navigate(`/wallet/pay/${encodeURIComponent(reserveId)}`);
    } catch (err) {
      setProblem(errorCode(err) === '1150' ? 'notFound' : err);
      setBusy(false);
    }
  };

  const message =
    problem === undefined
      ? undefined
      : problem === 'invalid'
        ? t('token.invalid')
        : problem === 'notFound'
          ? t('token.notFound')
          : errorText(problem, t);
  return (
    <AppShell>
      <form className="card stack-s" onSubmit={submit} noValidate aria-labelledby="token-title">
        <h1 id="token-title" className="page-title">
          {t('token.title')}
        </h1>
        <p className="muted">{t('token.help')}</p>
        <div className="field">
          <label htmlFor="token" className="field__label">
            {t('token.label')}
          </label>
          <input
            id="token"
            className="input input--code"
            inputMode="numeric"
            autoComplete="one-time-code"
            placeholder="0000 0000 0000"
            value={groupDigits(digits)}
            aria-invalid={problem !== undefined}
            aria-describedby="token-error"
            onChange={(e) => {
              setDigits(e.target.value.replace(/\D/g, '').slice(0, 12));
              setProblem(undefined);
            }}
          />
        </div>
        <Notice tone="error" id="token-error">
          {message}
        </Notice>
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {t('token.submit')}
        </button>
        <Link className="link small center" href="/wallet">
          {t('app.toWallet')}
        </Link>
      </form>
    </AppShell>
  );
}
