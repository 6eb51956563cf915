import type { ReactNode } from 'react';

/**
 * A message line with its space always reserved (no layout jump when it appears): `error`
 * is announced at once, `info` politely.
 */
export function Notice({
  tone,
  children,
  id,
}: {
  tone: 'error' | 'info' | 'success';
  children?: ReactNode;
  id?: string;
}) {
  return (
    <div
      id={id}
      className={`notice notice--${tone}${children ? ' notice--shown' : ''}`}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live={tone === 'error' ? 'assertive' : 'polite'}
    >
      {children ? (
        <>
          <span className="notice__icon" aria-hidden="true">
            {tone === 'error' ? '!' : tone === 'success' ? '✓' : 'i'}
          </span>
          <span>{children}</span>
        </>
      ) : null}
    </div>
  );
}
