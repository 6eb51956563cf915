// Money, point and date formatting with Intl, per the app's locale.
import type { Currency } from '../api/types.ts';

/** The locales the app speaks (LINE Pay's `options.display.locale` names). */
export type Locale = 'en' | 'zh_TW';

/** BCP 47 tag of a locale, for Intl and `<html lang>`. */
export function bcp47(locale: Locale): string {
  return locale === 'zh_TW' ? 'zh-TW' : 'en-US';
}

/** Minor-unit digits shown for a currency: TWD and JPY whole, USD and THB two. */
export function currencyDigits(currency: Currency): number {
  return currency === 'TWD' || currency === 'JPY' ? 0 : 2;
}

/** An amount of money, e.g. "NT$1,250" or "$12.50". */
export function formatMoney(amount: number, currency: Currency, locale: Locale): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(bcp47(locale), {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** The parts of a money amount, so the symbol can be drawn smaller than the number. */
export function moneyParts(
  amount: number,
  currency: Currency,
  locale: Locale,
): { symbol: string; value: string } {
  const digits = currencyDigits(currency);
  const parts = new Intl.NumberFormat(bcp47(locale), {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).formatToParts(amount);
  const symbol = parts
    .filter((p) => p.type === 'currency')
    .map((p) => p.value)
    .join('');
  const value = parts
    .filter((p) => p.type !== 'currency' && p.type !== 'literal')
    .map((p) => p.value)
    .join('');
  return { symbol, value };
}

/** An amount without its symbol, e.g. "10,000.00" for THB (shown beside its currency code). */
export function formatNumber(amount: number, currency: Currency, locale: Locale): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(bcp47(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** A points figure, e.g. "1,000". */
export function formatPoints(points: number, currency: Currency, locale: Locale): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(bcp47(locale), { maximumFractionDigits: digits }).format(points);
}

/** A date and time in the shopper's locale. */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(bcp47(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** A calendar day in the shopper's locale, e.g. "Nov 23, 2026" (for when a card was added or a coupon ends). */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(bcp47(locale), { dateStyle: 'medium' }).format(new Date(iso));
}

/** Rounds to a currency's minor unit (points and splits stay exact). */
export function roundTo(amount: number, currency: Currency): number {
  const f = 10 ** currencyDigits(currency);
  return Math.round(amount * f) / f;
}

/** Groups digits, e.g. a 12-digit access token as "1234 5678 9012". */
export function groupDigits(digits: string, size = 4): string {
  return digits.replace(new RegExp(`(\\d{${size}})(?=\\d)`, 'g'), '$1 ');
}
