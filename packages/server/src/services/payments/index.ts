export {
  type ApprovalInput,
  approvePayment,
  cancelPayment,
  confirmCallbackAttempts,
  confirmCallbackKind,
  confirmRedirect,
  confirmUrlWithIds,
  type Redirect,
  saveCard,
} from './approval.ts';
export { capturePayment, voidPayment } from './authorization.ts';
export {
  type CheckoutStatus,
  type CheckoutView,
  checkoutByReserveId,
  reserveIdByAccessToken,
  viewOf,
} from './checkout-view.ts';
export { confirmPayment } from './confirm-payment.ts';
export type { PaymentDeps, PaymentTimings } from './deps.ts';
export { sweepExpired } from './expiry.ts';
export type { PaidPayment } from './paid-payment.ts';
export { type DetailsItem, maxDetailsResults, paymentDetails } from './payment-details.ts';
export { checkRegKey, expirePreapproved, payPreapproved } from './preapproved.ts';
export { refundPayment } from './refund-payment.ts';
export { type StoredRequest, storedPackages } from './request-codec.ts';
export { type RequestedPayment, requestPayment } from './request-payment.ts';
export { type PinFailure, type WalletChoice, walletApprove } from './wallet-approval.ts';
