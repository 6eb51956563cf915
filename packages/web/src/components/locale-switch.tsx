import { localeNames, toLocale, useI18n } from '../i18n/i18n.tsx';

/** The visible language switch (a labelled select). */
export function LocaleSwitch() {
  const { locale, t, choose } = useI18n();
  return (
    <label className="locale-switch">
      <span className="visually-hidden">{t('app.language')}</span>
      <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
        <path
          fill="currentColor"
          d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm5.9 7.5h-3a13 13 0 0 0-1.1-5.3A7 7 0 0 1 15.9 9ZM10 3.1c.8 1 1.6 3 1.7 5.9H8.3C8.4 6.1 9.2 4.1 10 3.1ZM8.2 3.7A13 13 0 0 0 7.1 9h-3a7 7 0 0 1 4.1-5.3ZM4.1 11h3a13 13 0 0 0 1.1 5.3A7 7 0 0 1 4.1 11Zm5.9 5.9c-.8-1-1.6-3-1.7-5.9h3.4c-.1 2.9-.9 4.9-1.7 5.9Zm1.8-.6a13 13 0 0 0 1.1-5.3h3a7 7 0 0 1-4.1 5.3Z"
        />
      </svg>
      <select value={locale} onChange={(e) => choose(toLocale(e.target.value))}>
        {localeNames.map((l) => (
          <option key={l.locale} value={l.locale}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
