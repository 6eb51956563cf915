import { type FormEvent, useState } from 'react';
import { topUp } from '../../api/endpoints.ts';
import type { Currency, Wallet } from '../../api/types.ts';
import { Notice } from '../../components/notice.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { currencyDigits, formatMoney } from '../../lib/format.ts';

const currencies: readonly Currency[] = ['TWD', 'USD', 'THB', 'JPY'];

/** Sandbox top-up: adds test money to a balance and hands back the new wallet. */
export function TopUpForm({ onDone }: { onDone: (wallet: Wallet) => void }) {
  const { t, locale } = useI18n();
  const [currency, setCurrency] = useState<Currency>('TWD');
  const [amount, setAmount] = useState('1000');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<
    { ok: true; amount: number; currency: Currency } | { ok: false; error: unknown }
  >();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = Number(amount);
    if (!Number.isFinite(value) || value <= 0) {
      setResult({ ok: false, error: 'invalid' });
      return;
    }
    setBusy(true);
    try {
      onDone(await topUp(currency, value));
      setResult({ ok: true, amount: value, currency });
    } catch (err) {
      setResult({ ok: false, error: err });
    } finally {
      setBusy(false);
    }
  };

  const message = !result
    ? undefined
    : result.ok
      ? t('wallet.topUpDone', { amount: formatMoney(result.amount, result.currency, locale) })
      : result.error === 'invalid'
        ? t('wallet.amountInvalid')
        : errorText(result.error, t);
  return (
    <form className="card stack-s" onSubmit={submit} noValidate aria-labelledby="topup-title">
      <h2 id="topup-title" className="section-title">
        {t('wallet.topUp')}
      </h2>
      <div className="row">
        <div className="field field--currency">
          <label htmlFor="topup-currency" className="field__label">
            {t('wallet.currency')}
          </label>
          <select
            id="topup-currency"
            className="input"
            value={currency}
            onChange={(e) => setCurrency(e.target.value as Currency)}
          >
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor="topup-amount" className="field__label">
            {t('wallet.amount')}
          </label>
          <input
            id="topup-amount"
            className="input"
            type="number"
            min={0}
            step={currencyDigits(currency) > 0 ? 0.01 : 1}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
      </div>
      <Notice tone={result?.ok ? 'success' : 'error'}>{message}</Notice>
      <button type="submit" className="button button--secondary button--block" disabled={busy}>
        {t('wallet.topUpButton')}
      </button>
    </form>
  );
}
