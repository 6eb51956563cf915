// When a monthly subscription is charged: on the day of the month it started, or on the month's
// last day when that month is shorter (started 31 January → 28/29 February → 31 March).

/** `start` moved by `months` calendar months in UTC, the day clamped to the target month's length. */
export function addMonths(start: Date, months: number): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(start.getTime());
  d.setUTCFullYear(y, m, Math.min(start.getUTCDate(), lastDay));
  return d;
}

/** When the next period is due, given when the subscription started and how many periods are paid. */
export function nextChargeAt(startedAt: Date, periodsPaid: number): Date {
  return addMonths(startedAt, periodsPaid);
}

/** The LINE Pay orderId of one period's charge: unique per period, so a retried charge cannot pay twice. */
export function periodOrderId(subscriptionId: string, period: number): string {
  return `sub-${subscriptionId}-${period}`;
}
