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
};

/** True for the card decline codes 1280–1298. */
export function isCardDecline(code: string): boolean {
  const n = Number(code);
  return /^\d{4}$/.test(code) && n >= 1280 && n <= 1298;
}

/** An API failure in the shopper's words and language. */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) {
    return t('error.generic', { code: 'unknown' });
  }
  const code = error.code;
  const key = own[code];
  if (key) {
    return t(key);
  }
  if (code === 'pin_incorrect') {
    return error.attemptsLeft === 1
      ? t('error.pinIncorrectOne')
      : t('error.pinIncorrect', { count: error.attemptsLeft ?? 0 });
  }
  return isCardDecline(code) ? t('error.cardDeclined', { code }) : t('error.generic', { code });
}
