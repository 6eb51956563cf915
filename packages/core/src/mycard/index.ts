export {
  bindingCallbackUrl,
  bindingRedirectUrl,
  bindingTokenHash,
  bindingTokenMessage,
} from './binding-link.ts';
export {
  type BindingEvent,
  type BindingFacts,
  type BindingStatus,
  bindingStatuses,
  effectiveBindingStatus,
  holdsCode,
  nextBindingStatus,
} from './binding-state.ts';
export {
  type CampaignFields,
  type CampaignReward,
  campaignOpen,
  defaultCouponValidDays,
  readCampaignCreate,
} from './campaign-rules.ts';
export {
  type BarcodePayload,
  barcodePayload,
  type CodeType,
  codeTypes,
  ean13CheckDigit,
  isCodeType,
  isValidEan13,
  validateMembershipCode,
} from './code-types.ts';
export { isMyCardId } from './fields.ts';
export { type MyCardIdKind, newBindingNonce, newKeyId, newMyCardId } from './ids.ts';
export {
  type ApplyInput,
  readApply,
  readGroupCreate,
  readGroupMember,
  readUnbind,
  type UnbindInput,
} from './merchant-inputs.ts';
export {
  detailLimits,
  type ExternalDetail,
  type ProgramDetail,
  type ProgramFields,
  readProgramCreate,
  readProgramUpdate,
  type TemplateDetail,
} from './program-input.ts';
