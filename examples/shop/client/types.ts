// The shapes the shop's JSON API answers with (see server/views.ts).

/** The pictures ProductArt draws. */
export type ArtKind = 'bag' | 'drip' | 'bottle' | 'mug' | 'dripper' | 'box';

export interface Product {
  id: string;
  name: string;
  description: string;
  price: number;
  art: { kind: ArtKind; colour: string; background: string };
}

export interface Catalogue {
  shopName: string;
  currency: string;
  products: Product[];
  plan: { id: string; name: string; description: string; price: number; interval: 'month' };
}

export type OrderStatus =
  | 'pending'
  | 'confirming'
  | 'authorized'
  | 'capturing'
  | 'voiding'
  | 'paid'
  | 'partially_refunded'
  | 'refunded'
  | 'voided'
  | 'cancelled'
  | 'expired'
  | 'failed';

export interface PayPart {
  method: string;
  amount: number;
  creditCardBrand?: string;
  maskedCreditCardNumber?: string;
}

/** The payer's Jinliu Coffee Club number and the points the payment earned (null: none yet). */
export interface MembershipLine {
  code: string;
  points: number | null;
}

export interface OrderSummary {
  orderId: string;
  kind: 'purchase' | 'subscription';
  status: OrderStatus;
  capture: boolean;
  currency: string;
  amount: number;
  capturedAmount: number;
  refundedAmount: number;
  transactionId: string | null;
  statusReason: string | null;
  createdAt: string;
  paidAt: string | null;
  authorizationExpiresAt: string | null;
  membership: MembershipLine | null;
}

export interface Order extends OrderSummary {
  items: Array<{ productId: string; name: string; unitPrice: number; quantity: number; lineTotal: number }>;
  payInfo: PayPart[];
  refunds: Array<{ amount: number; refundTransactionId: string | null; at: string }>;
  refundableAmount: number;
  subscriptionId: string | null;
  paymentUrl: string | null;
  events?: Array<{ id: string; at: string; kind: string; detail: string }>;
}

export type SubscriptionStatus = 'pending' | 'active' | 'ended' | 'cancelled';

export interface SubscriptionSummary {
  subscriptionId: string;
  plan: string;
  status: SubscriptionStatus;
  currency: string;
  amount: number;
  firstOrderId: string;
  paymentKey: string | null;
  periodsPaid: number;
  startedAt: string | null;
  nextChargeAt: string | null;
  endReason: string | null;
  endedAt: string | null;
  lastError: string | null;
}

export interface Subscription extends SubscriptionSummary {
  charges: Array<{
    period: number;
    orderId: string;
    transactionId: string;
    amount: number;
    chargedAt: string;
    membership: MembershipLine | null;
  }>;
}

export interface CheckoutStarted {
  orderId: string;
  paymentUrl: string;
  subscriptionId?: string;
}
