export {
  AbortWithFailure,
  type Failure,
  fail,
  InvariantError,
  ok,
  type Result,
  type Success,
} from './result.ts';
export {
  type CardErrorCode,
  cardErrorCodes,
  isReturnCode,
  type ReturnCode,
  returnCodes,
  returnMessage,
} from './return-codes.ts';
