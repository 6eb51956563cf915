import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** Seconds left until `deadline` on the platform clock (`offsetMs` = platform time − this device's). */
function secondsLeft(deadline: number, offsetMs: number): number {
  return Math.max(0, Math.floor((deadline - (Date.now() + offsetMs)) / 1000));
}

/** A live mm:ss countdown to a checkout's expiry. */
export function Countdown({ expiresAt, offsetMs }: { expiresAt: string; offsetMs: number }) {
  const { t } = useI18n();
  const deadline = Date.parse(expiresAt);
  const [left, setLeft] = useState(() => secondsLeft(deadline, offsetMs));
  useEffect(() => {
    setLeft(secondsLeft(deadline, offsetMs));
    const timer = window.setInterval(() => setLeft(secondsLeft(deadline, offsetMs)), 1000);
    return () => window.clearInterval(timer);
  }, [deadline, offsetMs]);
  const mm = String(Math.floor(left / 60)).padStart(2, '0');
  const ss = String(left % 60).padStart(2, '0');
  return (
    <span className={`countdown${left < 60 ? ' countdown--low' : ''}`} data-testid="countdown">
      <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
        <path
          fill="currentColor"
          d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm0 14.4a6.4 6.4 0 1 1 0-12.8 6.4 6.4 0 0 1 0 12.8Zm.8-10.4H9.2v4.3l3.6 2.2.8-1.3-2.8-1.7V6Z"
        />
      </svg>
      {left > 0 ? t('checkout.expiresIn', { time: `${mm}:${ss}` }) : t('checkout.expiresSoon')}
    </span>
  );
}
