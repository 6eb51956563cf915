import type { OrderStatus, SubscriptionStatus } from '../types.ts';

const words: Record<
  OrderStatus | SubscriptionStatus,
  [string, 'good' | 'wait' | 'bad' | 'neutral' | 'info']
> = {
  pending: ['Waiting for payment', 'wait'],
  confirming: ['Checking payment', 'wait'],
  authorized: ['Reserved', 'info'],
  capturing: ['Capturing', 'wait'],
  voiding: ['Releasing', 'wait'],
  paid: ['Paid', 'good'],
  partially_refunded: ['Partly refunded', 'info'],
  refunded: ['Refunded', 'neutral'],
  voided: ['Released', 'neutral'],
  cancelled: ['Cancelled', 'neutral'],
  expired: ['Expired', 'bad'],
  failed: ['Failed', 'bad'],
  active: ['Active', 'good'],
  ended: ['Ended', 'bad'],
};

/** The status of an order or subscription as a coloured badge. */
export function StatusBadge({ status }: { status: OrderStatus | SubscriptionStatus }) {
  const [text, tone] = words[status] ?? [status, 'neutral'];
  return (
    <span className={`badge badge--${tone}`} data-testid="status" data-status={status}>
      {text}
    </span>
  );
}
