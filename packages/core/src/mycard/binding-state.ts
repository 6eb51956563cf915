import { type Failure, fail, ok, type Result } from '../errors/index.ts';

/**
 * A binding's life: the wallet reserves it (RESERVED), the merchant's Apply call attaches the
 * membership code (APPLIED), the merchant's callback completes it (ACTIVE). FAILED and
 * CANCELLED come from the callback's status, EXPIRED from the clock, UNBOUND from either side
 * ending an active card. Only APPLIED and ACTIVE hold a code.
 */
export const bindingStatuses = [
  'RESERVED',
  'APPLIED',
  'ACTIVE',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
  'UNBOUND',
] as const;

/** A binding status. */
export type BindingStatus = (typeof bindingStatuses)[number];

/** What happens to a binding. */
export type BindingEvent =
  | 'apply'
  | 'callback-success'
  | 'callback-fail'
  | 'callback-cancel'
  | 'shopper-unbind'
  | 'merchant-unbind';

/** The binding facts the rules need. */
export interface BindingFacts {
  readonly status: BindingStatus;
  readonly expiresAt: Date;
}

/** The status the clock has decided: a reservation not completed in time has expired. */
export function effectiveBindingStatus(b: BindingFacts, now: Date): BindingStatus {
  const pending = b.status === 'RESERVED' || b.status === 'APPLIED';
  return pending && now.getTime() >= b.expiresAt.getTime() ? 'EXPIRED' : b.status;
}

/** True when the status keeps a membership code (every other status has it discarded). */
export function holdsCode(status: BindingStatus): boolean {
  return status === 'APPLIED' || status === 'ACTIVE';
}

/** Why a step cannot happen in `status`; each wrong order has its own code. */
function refusal(status: BindingStatus): Failure {
  switch (status) {
    case 'EXPIRED':
      return fail('3102', 'the binding was not completed within its reservation time; start again');
    case 'APPLIED':
      return fail('3103', 'the Apply API has already been called with this token');
    case 'RESERVED':
      return fail('3106', 'the merchant has not called the Apply API for this binding');
    case 'ACTIVE':
    case 'UNBOUND':
      return fail('3107', 'this binding has already been completed; the token cannot be used again');
    case 'FAILED':
    case 'CANCELLED':
      return fail('3108', `the binding ended as ${status}`);
    default:
      return assertNeverStatus(status);
  }
}

const moves: Record<BindingEvent, Partial<Record<BindingStatus, BindingStatus>>> = {
  apply: { RESERVED: 'APPLIED' },
  'callback-success': { APPLIED: 'ACTIVE' },
  'callback-fail': { RESERVED: 'FAILED', APPLIED: 'FAILED' },
  'callback-cancel': { RESERVED: 'CANCELLED', APPLIED: 'CANCELLED' },
  'shopper-unbind': { ACTIVE: 'UNBOUND', RESERVED: 'CANCELLED', APPLIED: 'CANCELLED' },
  'merchant-unbind': { ACTIVE: 'UNBOUND' },
};

/**
 * The next status of a binding for an event at `now`, or the failure that leaves it as it is.
 * Expiry is decided first: a pending binding past its time answers 3102 to every step.
 */
export function nextBindingStatus(b: BindingFacts, event: BindingEvent, now: Date): Result<BindingStatus> {
  const current = effectiveBindingStatus(b, now);
  const next = moves[event][current];
  if (next !== undefined) {
    return ok(next);
  }
  if ((event === 'shopper-unbind' || event === 'merchant-unbind') && current !== 'ACTIVE') {
    return fail('3112', 'there is no active card to unbind');
  }
  return refusal(current);
}

function assertNeverStatus(value: never): never {
  throw new TypeError(`unknown binding status ${String(value)}`);
}
