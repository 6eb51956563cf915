export {
  isRegKey,
  newChannelId,
  newChannelSecret,
  newMerchantId,
  newPaymentAccessToken,
  newRegKey,
  newReserveId,
  newTransactionId,
  newUserId,
  parseTransactionId,
  type TransactionKind,
  transactionKindOf,
} from './ids.ts';
