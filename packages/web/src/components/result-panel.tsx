import type { ReactNode } from 'react';

/** A final state of a payment (approved, cancelled, expired, failed) with what to do next. */
export function ResultPanel({
  tone,
  title,
  children,
  action,
  testId,
}: {
  tone: 'success' | 'warning' | 'error' | 'neutral';
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  const icon = tone === 'success' ? '✓' : tone === 'neutral' ? '–' : '!';
  return (
    <section className="card result" data-testid={testId} aria-labelledby="result-title">
      <div className={`result__icon result__icon--${tone}`} aria-hidden="true">
        {icon}
      </div>
      <h1 id="result-title" className="result__title" tabIndex={-1}>
        {title}
      </h1>
      {children ? <div className="result__body">{children}</div> : null}
      {action ? <div className="result__action">{action}</div> : null}
    </section>
  );
}
