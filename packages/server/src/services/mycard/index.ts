export { type Reservation, reserveBinding } from './binding-reserve.ts';
export { type AppliedBinding, applyBinding, type CallbackQuery, completeBinding } from './binding-steps.ts';
export { type CampaignView, createCampaign, listCampaigns } from './campaigns.ts';
export type { MyCardDeps } from './deps.ts';
export { sweepExpiredBindings } from './expiry.ts';
export { acceptInvite, addMember, createGroup, type GroupView, getGroup } from './groups.ts';
export {
  accumulateAndList,
  type Membership,
  membershipsByUser,
  paymentMemberships,
} from './memberships.ts';
export { type MerchantEventPage, merchantEvents } from './merchant-events.ts';
export {
  changeProgram,
  createProgram,
  listPrograms,
  ownProgram,
  programJwks,
  rotateProgramKey,
} from './programs.ts';
export { type Unbound, unbindByMerchant, unbindByShopper } from './unbind.ts';
export {
  type CardView,
  type CatalogueEntry,
  cardOf,
  catalogue,
  myCards,
  programForShopper,
  walletCoupons,
} from './wallet-cards.ts';
