import { fail, ok, type Result } from '../errors/index.ts';
import { type Currency, isCurrency, parseWireAmount } from '../money/index.ts';
import { isObject } from '../payments/validate.ts';
import { readText } from './fields.ts';

/** What a campaign grants a shopper once: points into their points account, or a coupon. */
export interface CampaignReward {
  readonly type: 'POINTS' | 'COUPON';
  /** Minor units of `currency`. */
  readonly amount: bigint;
  readonly currency: Currency;
  /** How long a coupon stays usable after it is issued (days); null for points. */
  readonly validDays: number | null;
}

/** A campaign as its rules see it. */
export interface CampaignFields {
  readonly name: string;
  readonly programIds: readonly string[];
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly reward: CampaignReward;
}

/** Default lifetime of a coupon reward. */
export const defaultCouponValidDays = 30;
const maxPrograms = 50;
const isoInstant = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?(?:Z|[+-]\d\d:\d\d)$/;

/**
 * True while a campaign runs: from `startsAt` (inclusive) to `endsAt` (exclusive) on the
 * platform clock. A binding activated outside that window earns nothing.
 */
export function campaignOpen(c: { startsAt: Date; endsAt: Date }, at: Date): boolean {
  const t = at.getTime();
  return c.startsAt.getTime() <= t && t < c.endsAt.getTime();
}

function readInstant(body: Record<string, unknown>, key: string): Result<Date> {
  const value = body[key];
  if (typeof value !== 'string' || !isoInstant.test(value) || Number.isNaN(Date.parse(value))) {
    return fail(
      '2101',
      `${key} must be an ISO-8601 date-time with a time zone, e.g. 2026-12-01T00:00:00+08:00`,
    );
  }
  return ok(new Date(value));
}

function readReward(value: unknown): Result<CampaignReward> {
  if (!isObject(value) || (value.type !== 'POINTS' && value.type !== 'COUPON')) {
    return fail('2101', 'reward must be { type: POINTS | COUPON, amount, currency }');
  }
  if (!isCurrency(value.currency)) {
    return fail('2101', 'reward.currency must be TWD, USD, THB or JPY');
  }
  if (typeof value.amount !== 'number') {
    return fail('2101', 'reward.amount must be a number');
  }
  const amount = parseWireAmount(value.amount, value.currency, 'reward.amount');
  if (!amount.ok) {
    return amount;
  }
  if (amount.value <= 0n) {
    return fail('2101', 'reward.amount must be greater than 0');
  }
  let validDays: number | null = null;
  if (value.type === 'COUPON') {
    const days = value.validDays ?? defaultCouponValidDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 3650) {
      return fail('2101', 'reward.validDays must be a whole number of days from 1 to 3650');
    }
    validDays = days;
  }
  return ok({ type: value.type, amount: amount.value, currency: value.currency, validDays });
}

/** Validates a campaign creation body. */
export function readCampaignCreate(body: unknown): Result<CampaignFields> {
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object');
  }
  const name = readText(body, 'name', 'name', 100, true);
  if (!name.ok) {
    return name;
  }
  const ids = body.programIds;
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > maxPrograms ||
    !ids.every((id) => typeof id === 'string' && /^[A-Z0-9]{4,40}$/.test(id))
  ) {
    return fail('2101', `programIds must be 1 to ${maxPrograms} program ids`);
  }
  const startsAt = readInstant(body, 'startsAt');
  if (!startsAt.ok) {
    return startsAt;
  }
  const endsAt = readInstant(body, 'endsAt');
  if (!endsAt.ok) {
    return endsAt;
  }
  if (endsAt.value.getTime() <= startsAt.value.getTime()) {
    return fail('2101', 'endsAt must be later than startsAt');
  }
  const reward = readReward(body.reward);
  if (!reward.ok) {
    return reward;
  }
  return ok({
    name: (name.value ?? '').trim(),
    programIds: [...new Set(ids as string[])],
    startsAt: startsAt.value,
    endsAt: endsAt.value,
    reward: reward.value,
  });
}
