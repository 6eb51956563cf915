import { type FormEvent, useState } from 'react';
import { addCard } from '../../api/endpoints.ts';
import { useSignedInUser } from '../../api/session.tsx';
import { AppShell } from '../../components/app-shell.tsx';
import { CardBrand } from '../../components/card-brand.tsx';
import { Notice } from '../../components/notice.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  brandOf,
  cvcLength,
  formatCardNumber,
  formatExpiry,
  luhnValid,
  numberLength,
  parseExpiry,
} from '../../lib/cards.ts';
import { Link, navigate, safeReturnPath, useLocation } from '../../lib/router.tsx';

type Field = 'number' | 'expiry' | 'cvc';

/** Adds a test card: the number formatted and its brand shown as typed, Luhn-checked before sending. */
export function AddCardPage() {
  const { t } = useI18n();
  const user = useSignedInUser();
  const { query } = useLocation();
  const returnTo = safeReturnPath(query.get('returnTo'));
  const [digits, setDigits] = useState('');
  const [expiry, setExpiry] = useState('');
  const [cvc, setCvc] = useState('');
  const [nickname, setNickname] = useState('');
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>();

  const brand = brandOf(digits);
  const cvcDigits = cvcLength(brand);
  const problems: Partial<Record<Field, string>> = {};
  if (!luhnValid(digits)) {
    problems.number = t('card.luhn');
  }
  if (!parseExpiry(expiry)) {
    problems.expiry = t('card.expiryInvalid');
  }
  if (cvc.length !== cvcDigits) {
    problems.cvc = t('card.cvcInvalid', { digits: cvcDigits });
  }
  const shown = (f: Field) => (touched.has(f) ? problems[f] : undefined);
  const touch = (f: Field) => setTouched((s) => new Set(s).add(f));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(new Set<Field>(['number', 'expiry', 'cvc']));
    const exp = parseExpiry(expiry);
    if (problems.number || problems.expiry || problems.cvc || !exp) {
      const first = problems.number ? 'card-number' : problems.expiry ? 'card-expiry' : 'card-cvc';
      document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    setServerError(undefined);
    try {
      await addCard({
        number: digits,
        expMonth: exp.month,
        expYear: exp.year,
        cvc,
        nickname: nickname.trim(),
      });
      navigate(returnTo, { replace: true });
    } catch (err) {
      setServerError(err);
      setBusy(false);
    }
  };

  if (!user) {
    return (
      <AppShell>
        <div className="card skeleton" aria-busy="true">
          {t('app.loading')}
        </div>
      </AppShell>
    );
  }
  return (
    <AppShell>
      <form className="card stack-s" onSubmit={submit} noValidate aria-labelledby="card-title">
        <h1 id="card-title" className="page-title">
          {t('card.title')}
        </h1>
        <div className="field">
          <label htmlFor="card-number" className="field__label">
            {t('card.number')}
          </label>
          <div className="input-with-badge">
            <input
              id="card-number"
              className="input input--code"
              inputMode="numeric"
              autoComplete="cc-number"
              placeholder="1234 5678 9012 3456"
              value={formatCardNumber(digits)}
              onChange={(e) =>
                setDigits(
                  e.target.value
                    .replace(/\D/g, '')
                    .slice(0, numberLength(brandOf(e.target.value.replace(/\D/g, '')))),
                )
              }
              onBlur={() => touch('number')}
              aria-invalid={shown('number') !== undefined}
              aria-describedby="card-number-msg"
            />
            <span className="input-badge" data-testid="card-brand" aria-live="polite">
              {brand ? <CardBrand brand={brand} /> : null}
            </span>
          </div>
          <p id="card-number-msg" className="field__error">
            {shown('number') ??
              (digits.length >= 4 && !brand ? (
                <span className="field__help">{t('card.brandUnknown')}</span>
              ) : null)}
          </p>
        </div>
        <div className="row">
          <div className="field field--grow">
            <label htmlFor="card-expiry" className="field__label">
              {t('card.expiry')}
            </label>
            <input
              id="card-expiry"
              className="input"
              inputMode="numeric"
              autoComplete="cc-exp"
              placeholder="MM/YY"
              value={expiry}
              onChange={(e) => setExpiry(formatExpiry(e.target.value))}
              onBlur={() => touch('expiry')}
              aria-invalid={shown('expiry') !== undefined}
              aria-describedby="card-expiry-msg"
            />
            <p id="card-expiry-msg" className="field__error">
              {shown('expiry')}
            </p>
          </div>
          <div className="field field--grow">
            <label htmlFor="card-cvc" className="field__label">
              {t('card.cvc')}
            </label>
            <input
              id="card-cvc"
              className="input"
              inputMode="numeric"
              autoComplete="cc-csc"
              placeholder={'•'.repeat(cvcDigits)}
              value={cvc}
              onChange={(e) => setCvc(e.target.value.replace(/\D/g, '').slice(0, 4))}
              onBlur={() => touch('cvc')}
              aria-invalid={shown('cvc') !== undefined}
              aria-describedby="card-cvc-msg"
            />
            <p id="card-cvc-msg" className="field__error">
              {shown('cvc') ?? (
                <span className="field__help">{t('card.cvcHelp', { digits: cvcDigits })}</span>
              )}
            </p>
          </div>
        </div>
        <div className="field">
          <label htmlFor="card-nickname" className="field__label">
            {t('card.nickname')}
          </label>
          <input
            id="card-nickname"
            className="input"
            maxLength={40}
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
          />
        </div>
        <p className="hint small">{t('card.testHint')}</p>
        <Notice tone="error">{serverError ? errorText(serverError, t) : undefined}</Notice>
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t('card.saving') : t('card.save')}
        </button>
        <Link className="link small center" href={returnTo}>
          {t('app.back')}
        </Link>
      </form>
    </AppShell>
  );
}
