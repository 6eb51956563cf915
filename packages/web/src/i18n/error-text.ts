import { ApiError } from '../api/client.ts';
import type { MessageKey } from './en.ts';
import type { Translate } from './i18n.tsx';

/** Codes with a message of their own. */
const own: Readonly<Record<string, MessageKey>> = {
  '1142': 'error.1142',
  '1287': 'error.1287',
  '1288': 'error.1288',
  '1293': 'error.1293',
  '1295': 'error.1295',
  '1110': 'error.1110',
  '1180': 'error.1180',
  '1179': 'error.1179',
  '1150': 'error.1150',
  pin_locked: 'error.pinLocked',
  pin_format: 'error.pinFormat',
  pin_not_set: 'error.pinNotSet',
  csrf: 'error.csrf',
  network: 'error.network',
  '3101': 'error.3101',
  '3102': 'error.3102',
  '3103': 'error.3103',
  '3104': 'error.3104',
  '3105': 'error.3105',
  '3106': 'error.3106',
  '3107': 'error.3107',
  '3108': 'error.3108',
  '3109': 'error.3109',
  '3110': 'error.3110',
  '3111': 'error.3111',
  '3112': 'error.3112',
};

/** True for the card decline codes 1280–1298. */
export function isCardDecline(code: string): boolean {
  const n = Number(code);
  return /^\d{4}$/.test(code) && n >= 1280 && n <= 1298;
}

/**
 * A return or error code in the shopper's words, e.g. one a redirect brought back
 * (`?code=`): that text is anyone's to write, so only a code-like value is ever echoed.
 */
export function codeText(code: string, t: Translate): string {
  const key = own[code];
  if (key) {
    return t(key);
  }
  const shown = /^[A-Za-z0-9_]{1,40}$/.test(code) ? code : 'unknown';
  return isCardDecline(shown)
    ? t('error.cardDeclined', { code: shown })
    : t('error.generic', { code: shown });
}

/** An API failure in the shopper's words and language. */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) {
    return t('error.generic', { code: 'unknown' });
  }
  if (error.code === 'pin_incorrect') {
    return error.attemptsLeft === 1
      ? t('error.pinIncorrectOne')
      : t('error.pinIncorrect', { count: error.attemptsLeft ?? 0 });
  }
  return codeText(error.code, t);
}
