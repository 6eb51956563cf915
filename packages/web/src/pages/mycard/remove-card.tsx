import { useEffect, useRef, useState } from 'react';
import { removeMyCard } from '../../api/mycard-endpoints.ts';
import { Notice } from '../../components/notice.tsx';
import { errorText } from '../../i18n/error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** "Remove card", asking once more before the card (or a pending request) is ended. */
export function RemoveCard({
  bindingId,
  question,
  label,
  onRemoved,
}: {
  bindingId: string;
  /** What removing does, asked before it happens. */
  question: string;
  label: string;
  onRemoved: () => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const questionRef = useRef<HTMLParagraphElement>(null);
  // The question replaces the button that had focus: move focus to it so it is read out.
  useEffect(() => {
    if (asking) {
      questionRef.current?.focus();
    }
  }, [asking]);

  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await removeMyCard(bindingId);
      onRemoved();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <button
        type="button"
        className="button button--ghost button--block danger-text"
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm stack-s" data-testid="remove-confirm">
      <p ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <Notice tone="error">{error ? errorText(error, t) : undefined}</Notice>
      <div className="confirm__buttons">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => setAsking(false)}
          disabled={busy}
        >
          {t('mycard.removeNo')}
        </button>
        <button type="button" className="button button--danger" onClick={remove} disabled={busy}>
          {busy ? t('mycard.removing') : t('mycard.removeYes')}
        </button>
      </div>
    </div>
  );
}
