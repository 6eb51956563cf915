// The consumer JSON API's shapes, as the server sends them (ids are strings, amounts
// major-unit numbers with their currency).

/** Currencies the platform handles. */
export type Currency = 'TWD' | 'USD' | 'THB' | 'JPY';

/** Where a checkout is, in the shopper's terms. */
export type CheckoutStatus = 'WAITING' | 'APPROVED' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED' | 'FAILED';

/** One product line: name, quantity and unit price. */
export interface ProductLine {
  readonly name: string;
  readonly quantity: number;
  readonly price: number;
}

/** One product line of a checkout, with the merchant's image if it sent one. */
export interface CheckoutProduct extends ProductLine {
  readonly imageUrl?: string;
}

/** Each `status` event of GET /api/checkout/{reserveId}/events (and the core of the GET). */
export interface Checkout {
  readonly reserveId: string;
  readonly transactionId: string;
  readonly orderId: string;
  readonly merchantName: string;
  readonly amount: number;
  readonly currency: Currency;
  readonly products: readonly CheckoutProduct[];
  readonly status: CheckoutStatus;
  readonly accessToken: string;
  readonly expiresAt: string;
  readonly locale: string;
  readonly confirmUrlType: 'CLIENT' | 'SERVER' | 'NONE';
  readonly checkConfirmUrlBrowser: boolean;
  readonly redirectUrl: string | null;
  readonly cancelUrl: string;
  readonly payType: 'NORMAL' | 'PREAPPROVED';
  /** The platform clock when the view was made (the sandbox clock may run ahead of real time). */
  readonly serverTime: string;
}

/** GET /api/checkout/{reserveId}: the checkout, and whether this browser opened the link first. */
export interface OpenedCheckout extends Checkout {
  readonly startedHere: boolean;
}

/** A signed-in wallet user. */
export interface SessionUser {
  readonly userId: string;
  readonly displayName: string;
}

/** GET /api/session. */
export interface SessionInfo {
  readonly user: SessionUser | null;
  readonly csrfToken: string;
  readonly mode: 'sandbox' | 'live';
  readonly signIn: { readonly sandbox: boolean; readonly oidc: boolean };
  /** Whether the signed-in user has a payment PIN (false when nobody is signed in). */
  readonly pinSet: boolean;
}

/** An amount held in one currency. */
export interface Holding {
  readonly currency: Currency;
  readonly amount: number;
}

/** A saved card (never the number). */
export interface WalletCard {
  readonly cardId: string;
  readonly brand: string;
  readonly last4: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly nickname: string;
}

/** GET /api/wallet. */
export interface Wallet {
  readonly user: SessionUser;
  readonly balances: readonly Holding[];
  readonly points: readonly Holding[];
  readonly cards: readonly WalletCard[];
}

/** How one part of a payment was funded. */
export interface PayInfoPart {
  readonly method: 'BALANCE' | 'CREDIT_CARD' | 'POINT';
  readonly amount: number;
  readonly card?: string;
}

/** A refund of a payment. */
export interface HistoryRefund {
  readonly refundId: string;
  readonly amount: number;
  readonly date: string;
  readonly type: string;
}

/** One line of GET /api/wallet/history, and GET /api/wallet/receipts/{transactionId}. */
export interface HistoryItem {
  readonly transactionId: string;
  readonly orderId: string;
  readonly merchantName: string;
  readonly productName: string;
  readonly amount: number;
  readonly currency: Currency;
  readonly status: string;
  readonly date: string;
  readonly payInfo: readonly PayInfoPart[];
  readonly refunds: readonly HistoryRefund[];
  readonly products: readonly ProductLine[];
}

/** What the shopper chose to pay with. */
export interface ApproveChoice {
  readonly method: 'BALANCE' | 'CREDIT_CARD' | 'POINT';
  readonly cardId?: string;
  readonly points?: number;
  readonly pin: string;
}

/** POST /api/pay/{reserveId}/approve. */
export interface ApproveResult {
  readonly redirectUrl: string | null;
  /** checkConfirmUrlBrowser, and this browser did not start the payment: no redirect, guide back. */
  readonly guide: boolean;
  readonly confirmUrlType: 'CLIENT' | 'SERVER' | 'NONE';
}

/** A new card as typed. */
export interface NewCard {
  readonly number: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly cvc: string;
  readonly nickname: string;
}
