import type { Ref } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** The 6-digit payment PIN (digits only, masked), with its label and help line. */
export function PinField({
  value,
  onChange,
  sandbox,
  disabled,
  inputRef,
  invalid,
}: {
  value: string;
  onChange: (pin: string) => void;
  sandbox: boolean;
  disabled: boolean;
  inputRef?: Ref<HTMLInputElement>;
  invalid: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="field pin">
      <label htmlFor="pin" className="field__label">
        {t('pay.pin')}
      </label>
      <input
        ref={inputRef}
        id="pin"
        name="pin"
        className="input pin__input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        pattern="[0-9]{6}"
        maxLength={6}
        value={value}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby="pin-help"
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
      />
      <p id="pin-help" className="field__help pin__help">
        <span>{t('pay.pinHelp')}</span>
        {sandbox ? <span className="hint-chip">{t('pay.pinSandbox')}</span> : null}
      </p>
    </div>
  );
}
