export { allocate, sourceAccount, sum } from './funding.ts';
export {
  type PreapprovedPaymentInput,
  readAmountBody,
  readPreapprovedBody,
  readRefundBody,
} from './operation-bodies.ts';
export {
  assertNever,
  type CardFacts,
  checkStatusCode,
  effectiveStatus,
  type FundingPart,
  type PayMethod,
  type PaymentState,
  type PaymentStatus,
  payStatusOf,
  type SystemAccounts,
} from './payment.ts';
export {
  type ChannelTerms,
  type Locale,
  type PaymentRequest,
  type RedirectUrls,
  type RequestPackage,
  type RequestProduct,
  validatePaymentRequest,
} from './request-body.ts';
export {
  type AmountInput,
  decideCapture,
  decideConfirm,
  decideExpiry,
  decideRefund,
  decideVoid,
  failed,
  fundedTotal,
  type PaymentPolicy,
  preapprovedEntry,
  type RefundDecision,
  type Transition,
} from './transitions.ts';
export { isObject } from './validate.ts';
