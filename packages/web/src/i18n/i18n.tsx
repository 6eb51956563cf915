import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { bcp47, type Locale } from '../lib/format.ts';
import { en, type MessageKey } from './en.ts';
import { zhTw } from './zh-tw.ts';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, zh_TW: zhTw };
const storageKey = 'jinliu.locale';

/** The locales offered in the switch, each named in its own language. */
export const localeNames: ReadonlyArray<{ locale: Locale; name: string }> = [
  { locale: 'en', name: 'English' },
  { locale: 'zh_TW', name: '繁體中文' },
];

/** Reads a LINE Pay locale name (`zh_TW`, `zh-TW`, `en`, …); anything unsupported is English. */
export function toLocale(value: string | null | undefined): Locale {
  return value?.replace('-', '_').toLowerCase() === 'zh_tw' ? 'zh_TW' : 'en';
}

function storedChoice(): Locale | undefined {
  try {
    const v = window.localStorage.getItem(storageKey);
    return v ? toLocale(v) : undefined;
  } catch {
    return undefined;
  }
}

/** A translator: the key's text with `{name}` placeholders filled in. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  readonly locale: Locale;
  readonly t: Translate;
  /** The shopper's own choice from the switch (remembered on this device). */
  readonly choose: (locale: Locale) => void;
  /** A page's suggestion (the checkout's locale); ignored once the shopper has chosen. */
  readonly suggest: (locale: string) => void;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/** Provides the locale and translator to the app. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<Locale | undefined>(storedChoice);
  const [suggested, setSuggested] = useState<Locale>('en');
  const locale = chosen ?? suggested;
  useEffect(() => {
    document.documentElement.lang = bcp47(locale);
  }, [locale]);
  const choose = useCallback((l: Locale) => {
    setChosen(l);
    try {
      window.localStorage.setItem(storageKey, l);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const suggest = useCallback((l: string) => setSuggested(toLocale(l)), []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[locale];
    const t: Translate = (key, vars) =>
      dict[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        vars && name in vars ? String(vars[name]) : whole,
      );
    return { locale, t, choose, suggest };
  }, [locale, choose, suggest]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current locale and its translator. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) {
    throw new Error('useI18n outside I18nProvider');
  }
  return ctx;
}
