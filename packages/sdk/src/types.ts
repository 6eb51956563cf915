// The request and response shapes of the LINE Pay Online v3 API as the SDK exposes them:
// ids are bigint (parsed losslessly), amounts are JSON numbers in major units as on the wire.
import type { Membership, MyCardApi, MyCardEndpoint } from './mycard-types.ts';

/** Currencies LINE Pay v3 knows. */
export type Currency = 'TWD' | 'USD' | 'THB' | 'JPY';

/** The ten Online v3 endpoints, named as in the client. */
export type Endpoint =
  | 'request'
  | 'confirm'
  | 'capture'
  | 'void'
  | 'refund'
  | 'paymentDetails'
  | 'checkPaymentStatus'
  | 'checkRegKey'
  | 'payPreapproved'
  | 'expireRegKey';

/** Every call the client signs: the ten Online v3 endpoints and the My Card calls. */
export type ApiEndpoint = Endpoint | MyCardEndpoint;

/** A 19-digit transaction id: a bigint, or a string of digits. */
export type TransactionId = bigint | string;

/** Where the client sends its calls: a real LINE Pay host or a local Jinliu. */
export type Environment = 'sandbox' | 'production' | 'jinliu';

/** Options of `createClient`. */
export interface ClientOptions {
  channelId: string;
  channelSecret: string;
  /** Any server, e.g. 'http://127.0.0.1:8080'; wins over `env`. */
  baseUrl?: string;
  /** Default 'sandbox'. */
  env?: Environment;
  /** Read timeouts in ms per endpoint; defaults per reference §1.3, 20 s for My Card calls. */
  timeouts?: Partial<Record<ApiEndpoint, number>>;
  /** Default true: confirm/capture/refund recover from timeouts by reading payment details. */
  safeRetry?: boolean;
  fetch?: typeof fetch;
  nonce?: () => string;
}

/** Per-call options. */
export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface RequestProduct {
  id?: string;
  name: string;
  imageUrl?: string;
  quantity: number;
  price: number;
  originalPrice?: number;
}

export interface RequestPackage {
  id: string;
  amount: number;
  userFee?: number;
  name?: string;
  products: RequestProduct[];
}

export interface RedirectUrls {
  confirmUrl?: string;
  cancelUrl: string;
  confirmUrlType?: 'CLIENT' | 'SERVER' | 'NONE';
  appPackageName?: string;
}

/** Body of `POST /v3/payments/request` (reference §3.1). */
export interface RequestPaymentBody {
  amount: number;
  currency: Currency;
  orderId: string;
  packages: RequestPackage[];
  redirectUrls: RedirectUrls;
  options?: {
    payment?: { capture?: boolean; payType?: 'NORMAL' | 'PREAPPROVED' };
    display?: { locale?: string; checkConfirmUrlBrowser?: boolean };
    shipping?: { type?: string; feeAmount?: number; [key: string]: unknown };
    extra?: { [key: string]: unknown };
    [key: string]: unknown;
  };
}

export interface RequestPaymentInfo {
  transactionId: bigint;
  paymentAccessToken: string;
  paymentUrl: { web: string; app: string };
}

/** One funding part of a payment. */
export interface PayInfo {
  method: string;
  amount: number;
  creditCardNickname?: string;
  creditCardBrand?: string;
  maskedCreditCardNumber?: string;
  [key: string]: unknown;
}

export interface PackageInfo {
  id: string;
  amount: number;
  userFeeAmount?: number;
  name?: string;
  products?: Array<{
    id?: string;
    name: string;
    imageUrl?: string;
    quantity: number;
    price: number;
    originalPrice?: number;
  }>;
  [key: string]: unknown;
}

/** `info` of confirm; `recovered` is true when safe retry built it from payment details. */
export interface ConfirmInfo {
  orderId: string;
  transactionId: bigint;
  payInfo: PayInfo[];
  packages?: PackageInfo[];
  authorizationExpireDate?: string;
  regKey?: string;
  /** My Card memberships of the payer at this merchant; absent when there are none. */
  memberships?: Membership[];
  recovered?: true;
  [key: string]: unknown;
}

export interface CaptureInfo {
  orderId: string;
  transactionId: bigint;
  payInfo: PayInfo[];
  /** My Card memberships of the payer at this merchant; absent when there are none. */
  memberships?: Membership[];
  recovered?: true;
  [key: string]: unknown;
}

export interface RefundInfo {
  refundTransactionId: bigint;
  refundTransactionDate: string;
  recovered?: true;
  [key: string]: unknown;
}

export interface RefundListItem {
  refundTransactionId: bigint;
  transactionType: 'PAYMENT_REFUND' | 'PARTIAL_REFUND' | string;
  /** Negative, as on the wire. */
  refundAmount: number;
  refundTransactionDate: string;
  [key: string]: unknown;
}

/** One element of `GET /v3/payments` (reference §3.6). */
export interface PaymentDetail {
  transactionId: bigint;
  orderId?: string;
  transactionDate?: string;
  transactionType?: 'PAYMENT' | 'PAYMENT_REFUND' | 'PARTIAL_REFUND' | string;
  payStatus?: 'AUTHORIZATION' | 'CAPTURE' | 'VOIDED_AUTHORIZATION' | 'EXPIRED_AUTHORIZATION' | string;
  productName?: string;
  merchantName?: string;
  currency?: Currency;
  authorizationExpireDate?: string;
  payInfo?: PayInfo[];
  refundList?: RefundListItem[];
  /** Present when the queried id was a refund id. */
  originalTransactionId?: bigint;
  packages?: PackageInfo[];
  /** The payer's current My Card memberships at this merchant; absent when there are none. */
  memberships?: Membership[];
  [key: string]: unknown;
}

export interface PaymentDetailsQuery {
  transactionId?: TransactionId[];
  orderId?: string[];
  fields?: 'TRANSACTION' | 'ORDER' | 'ALL';
}

export type PaymentStatus = 'WAITING' | 'AUTHENTICATED' | 'CANCELLED' | 'FAILED' | 'COMPLETED';

export interface PaymentStatusInfo {
  returnCode: string;
  returnMessage: string;
  status: PaymentStatus;
  /** With AUTHENTICATED or COMPLETED: the payer's My Card memberships at this merchant, if any. */
  memberships?: Membership[];
}

export interface PayPreapprovedBody {
  productName: string;
  amount: number;
  currency: Currency;
  orderId: string;
  capture?: boolean;
}

export interface PayPreapprovedInfo {
  transactionId: bigint;
  transactionDate: string;
  authorizationExpireDate?: string;
  orderId?: string;
  /** My Card memberships of the payer at this merchant; absent when there are none. */
  memberships?: Membership[];
  [key: string]: unknown;
}

/** The merchant client returned by `createClient`. */
export interface LinePayClient {
  request(body: RequestPaymentBody, o?: CallOptions): Promise<RequestPaymentInfo>;
  confirm(
    id: TransactionId,
    body: { amount: number; currency: Currency },
    o?: CallOptions,
  ): Promise<ConfirmInfo>;
  capture(
    id: TransactionId,
    body: { amount: number; currency: Currency; options?: object },
    o?: CallOptions,
  ): Promise<CaptureInfo>;
  void(id: TransactionId, o?: CallOptions): Promise<void>;
  refund(id: TransactionId, body?: { refundAmount?: number }, o?: CallOptions): Promise<RefundInfo>;
  paymentDetails(q: PaymentDetailsQuery, o?: CallOptions): Promise<PaymentDetail[]>;
  checkPaymentStatus(id: TransactionId, o?: CallOptions): Promise<PaymentStatusInfo>;
  checkRegKey(
    regKey: string,
    q?: { creditCardAuth?: boolean },
    o?: CallOptions,
  ): Promise<{ valid: boolean; returnCode: string }>;
  payPreapproved(regKey: string, body: PayPreapprovedBody, o?: CallOptions): Promise<PayPreapprovedInfo>;
  expireRegKey(regKey: string, o?: CallOptions): Promise<void>;
  /** My Card: binding-token verification, the Apply API, unbinding and card programs. */
  readonly mycard: MyCardApi;
}
