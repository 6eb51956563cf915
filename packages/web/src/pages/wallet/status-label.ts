import type { HistoryItem } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/en.ts';

const known: Readonly<Record<string, MessageKey>> = {
  CAPTURED: 'history.status.CAPTURED',
  AUTHORIZED: 'history.status.AUTHORIZED',
  AUTHENTICATED: 'history.status.AUTHENTICATED',
  VOIDED: 'history.status.VOIDED',
  EXPIRED_AUTHORIZATION: 'history.status.EXPIRED_AUTHORIZATION',
  FAILED: 'history.status.FAILED',
  CANCELLED: 'history.status.CANCELLED',
  EXPIRED: 'history.status.EXPIRED',
};

/** The dictionary key of a payment's state as the shopper sees it (fully refunded shows as such). */
export function statusKey(item: HistoryItem): MessageKey {
  const refunded = item.refunds.reduce((sum, r) => sum + r.amount, 0);
  if (item.status === 'CAPTURED' && refunded > 0) {
    return refunded >= item.amount ? 'history.status.REFUNDED' : 'history.status.PARTLY_REFUNDED';
  }
  return known[item.status] ?? 'history.status.AUTHENTICATED';
}

/** A badge tone for a state. */
export function statusTone(item: HistoryItem): 'ok' | 'warn' | 'muted' {
  const key = statusKey(item);
  return key === 'history.status.CAPTURED' ||
    key === 'history.status.AUTHORIZED' ||
    key === 'history.status.PARTLY_REFUNDED'
    ? 'ok'
    : key === 'history.status.FAILED'
      ? 'warn'
      : 'muted';
}
