import { type FormEvent, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { setPin } from '../../api/endpoints.ts';
import { useSession, useSignedInUser } from '../../api/session.tsx';
import { AppShell } from '../../components/app-shell.tsx';
import { Notice } from '../../components/notice.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate, safeReturnPath, useLocation } from '../../lib/router.tsx';

type Field = 'current' | 'next' | 'repeat';

const digits6 = /^\d{6}$/;

/** One masked 6-digit PIN input with its label and its own error line. */
function PinInput({
  id,
  label,
  value,
  onChange,
  problem,
  help,
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (pin: string) => void;
  problem: string | undefined;
  help: string;
  disabled: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        name={id}
        className="input pin__input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        pattern="[0-9]{6}"
        maxLength={6}
        value={value}
        disabled={disabled}
        aria-invalid={problem !== undefined}
        aria-describedby={`${id}-msg`}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
      />
      <p id={`${id}-msg`} className="field__error">
        {problem ?? <span className="field__help">{help}</span>}
      </p>
    </div>
  );
}

/**
 * Sets the payment PIN (new PIN twice) or changes it (the current PIN first), then goes back to
 * `returnTo` (the wallet by default), e.g. the approval sheet that asked for a PIN.
 */
export function PinPage() {
  const { t } = useI18n();
  const { session, refresh } = useSession();
  const user = useSignedInUser();
  const { query } = useLocation();
  const returnTo = safeReturnPath(query.get('returnTo'));
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const [wrongCurrent, setWrongCurrent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>();

  if (!user || !session) {
    return (
      <AppShell>
        <div className="card skeleton" aria-busy="true">
          {t('app.loading')}
        </div>
      </AppShell>
    );
  }
  const changing = session.pinSet;
  const problems: Partial<Record<Field, MessageKey>> = {};
  if (changing && wrongCurrent) {
    problems.current = 'pin.currentWrong';
  } else if (changing && !digits6.test(current)) {
    problems.current = 'pin.currentFormat';
  }
  if (!digits6.test(next)) {
    problems.next = 'pin.newFormat';
  } else if (changing && next === current) {
    problems.next = 'pin.same';
  }
  if (repeat !== next || !digits6.test(repeat)) {
    problems.repeat = 'pin.mismatch';
  }
  const shown = (f: Field) => {
    const key = problems[f];
    return (checked || (f === 'current' && wrongCurrent)) && key ? t(key) : undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    const first = (['current', 'next', 'repeat'] as const).find((f) => problems[f] !== undefined);
    if (first) {
      document.getElementById(`pin-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setServerError(undefined);
    try {
      await setPin(next, changing ? current : undefined);
      await refresh();
      navigate(returnTo, { replace: true });
    } catch (err) {
      setBusy(false);
      if (errorCode(err) === 'pin_incorrect') {
        setWrongCurrent(true);
        setCurrent('');
        window.setTimeout(() => document.getElementById('pin-current')?.focus(), 0);
      } else {
        setServerError(err);
      }
    }
  };

  const sandbox = session.mode === 'sandbox';
  return (
    <AppShell>
      <form className="card stack-s" onSubmit={submit} noValidate aria-labelledby="pin-title">
        <h1 id="pin-title" className="page-title">
          {t(changing ? 'pin.titleChange' : 'pin.titleSet')}
        </h1>
        <p className="muted">{t(changing ? 'pin.introChange' : 'pin.introSet')}</p>
        {changing ? (
          <PinInput
            id="pin-current"
            label={t('pin.current')}
            value={current}
            onChange={(v) => {
              setCurrent(v);
              setWrongCurrent(false);
            }}
            problem={shown('current')}
            help={sandbox ? t('pin.sandboxHint') : t('pin.help')}
            disabled={busy}
          />
        ) : null}
        <PinInput
          id="pin-next"
          label={t('pin.new')}
          value={next}
          onChange={setNext}
          problem={shown('next')}
          help={t('pin.help')}
          disabled={busy}
        />
        <PinInput
          id="pin-repeat"
          label={t('pin.repeat')}
          value={repeat}
          onChange={setRepeat}
          problem={shown('repeat')}
          help={t('pin.help')}
          disabled={busy}
        />
        <Notice tone="error">{serverError ? errorText(serverError, t) : undefined}</Notice>
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t('pin.saving') : t('pin.save')}
        </button>
        <Link className="link small center" href={returnTo}>
          {t('app.back')}
        </Link>
      </form>
    </AppShell>
  );
}
