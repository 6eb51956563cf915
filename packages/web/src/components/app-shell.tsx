import type { ReactNode } from 'react';
import { useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LocaleSwitch } from './locale-switch.tsx';

/** The frame of every page: brand bar with the sandbox badge and language switch, then the page. */
export function AppShell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <div className={`shell${wide ? ' shell--wide' : ''}`}>
      <header className="topbar">
        <div className="topbar__brand">
          <span className="logo" aria-hidden="true">
            J
          </span>
          <span className="topbar__name">{t('app.name')}</span>
          {session?.mode === 'sandbox' ? (
            <span className="badge badge--sandbox">{t('app.sandbox')}</span>
          ) : null}
        </div>
        <LocaleSwitch />
      </header>
      <main className="page" id="main">
        {children}
      </main>
    </div>
  );
}
