// The wallet's My Card API shapes, as packages/server/src/faces/consumer/mycard-routes.ts sends
// them. The detail page's texts are the merchant's plain text: render them as text, never HTML.
import type { Currency } from './types.ts';

/** How a program's membership codes are drawn at the counter. */
export type CodeType = 'CODE128' | 'QR' | 'EAN13';

/** A detail page filled from the built-in template (each field may be empty). */
export interface TemplateDetail {
  readonly type: 'TEMPLATE';
  readonly benefits: string;
  readonly terms: string;
  readonly contact: string;
}

/** A detail page the merchant hosts itself. */
export interface ExternalDetail {
  readonly type: 'EXTERNAL';
  readonly url: string;
}

/** A card program's detail page. */
export type ProgramDetail = TemplateDetail | ExternalDetail;

/** A card program as the wallet lists it. */
export interface ProgramSummary {
  readonly programId: string;
  readonly name: string;
  readonly logoUrl: string | null;
  readonly codeType: CodeType;
  readonly merchantName: string;
  readonly groupId: string | null;
}

/** GET /api/mycard/programs entries and GET /api/mycard/programs/{id}: with the shopper's card, if held. */
export interface CatalogueProgram extends ProgramSummary {
  readonly held: boolean;
  readonly bindingId: string | null;
}

/** GET /api/mycard/programs/{programId}. */
export interface ProgramPage extends CatalogueProgram {
  readonly detail: ProgramDetail;
}

/** POST /api/mycard/programs/{programId}/bindings: where the browser goes to sign in at the merchant. */
export interface Reservation {
  readonly bindingId: string;
  readonly redirectUrl: string;
  readonly expiresAt: string;
}

/** Where a binding is (the server decides expiry by its clock). */
export type BindingStatus =
  | 'RESERVED'
  | 'APPLIED'
  | 'ACTIVE'
  | 'FAILED'
  | 'CANCELLED'
  | 'EXPIRED'
  | 'UNBOUND';

/** A card in GET /api/mycard/cards (active cards; never the code). */
export interface CardSummary {
  readonly bindingId: string;
  readonly status: BindingStatus;
  readonly program: ProgramSummary;
  readonly displayName: string | null;
  readonly reservedAt: string;
  readonly activatedAt: string | null;
  readonly closedAt: string | null;
}

/** What the counter's scanner reads: the symbology and the exact text encoded. */
export interface BarcodePayload {
  readonly format: CodeType;
  readonly value: string;
}

/** GET /api/mycard/cards/{bindingId}: any status; the code only while ACTIVE. */
export interface CardPage extends Omit<CardSummary, 'program'> {
  readonly program: ProgramSummary & { readonly detail: ProgramDetail };
  readonly membershipCode: string | null;
  readonly barcode: BarcodePayload | null;
}

/** A campaign coupon in GET /api/mycard/coupons (amount in major units). */
export interface Coupon {
  readonly couponId: string;
  readonly campaignId: string;
  readonly campaignName: string;
  readonly merchantName: string;
  readonly amount: number;
  readonly currency: Currency;
  readonly status: 'AVAILABLE' | 'EXPIRED';
  readonly issuedAt: string;
  readonly expiresAt: string;
}
