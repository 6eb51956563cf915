// The My Card (membership binding) shapes as the SDK exposes them: the binding request a
// merchant's page receives, the program's public keys, the Apply / unbind calls and the card
// program API. The wire design is Jinliu's (docs/compatibility.md "My Card").
import type { CallOptions } from './types.ts';

/** The merchant-facing My Card calls, named as in `client.mycard`. */
export type MyCardEndpoint =
  | 'mycard.keys'
  | 'mycard.apply'
  | 'mycard.unbind'
  | 'mycard.createProgram'
  | 'mycard.programs'
  | 'mycard.program'
  | 'mycard.updateProgram'
  | 'mycard.rotateKey';

/** Local My Card helpers that can refuse their input (the `endpoint` of their errors). */
export type MyCardHelper =
  | 'mycard.parseBindingRequest'
  | 'mycard.verifyBindingToken'
  | 'mycard.verifyBindingRequest'
  | 'mycard.bindingCallbackUrl';

/** The symbologies a card program shows its membership codes in. */
export type CodeType = 'CODE128' | 'QR' | 'EAN13';

/**
 * One public key of a program's JWK set: EC P-256, `alg` ES256, `use` sig. Fields are optional
 * so any JWK type (WebCrypto's, node:crypto's) can be passed; unusable keys are skipped.
 */
export interface JsonWebKey {
  kty?: string | undefined;
  crv?: string | undefined;
  x?: string | undefined;
  y?: string | undefined;
  kid?: string | undefined;
  alg?: string | undefined;
  use?: string | undefined;
  key_ops?: string[] | undefined;
}

/** A JWK set, as served at `GET /v1/mycard/programs/{programId}/jwks.json`. */
export interface JsonWebKeySet {
  keys: JsonWebKey[];
}

/** The three parameters the platform appends to the merchant's binding URL. */
export interface BindingRequest {
  nonce: string;
  /** The platform URL to send the browser back to (after the Apply call). */
  callback: string;
  /** Base64Url(ECDSA-SHA256(callback + nonce)), P-256, r‖s. */
  token: string;
}

/** How the merchant ends the binding in the callback redirect. */
export type BindingOutcome = 'SUCCESS' | 'FAIL' | 'CANCEL';

/** Body of `POST /v1/mycard/apply`. */
export interface ApplyBody {
  /** The `token` parameter the binding page received. */
  token: string;
  /** The shopper's membership code, in the program's code type. */
  membershipCode: string;
  /** Shown on the card in the wallet (at most 100 characters). */
  displayName?: string;
}

/** `info` of the Apply API: the binding now holds the code; send the browser to `callback`. */
export interface AppliedBinding {
  bindingId: string;
  status: 'APPLIED' | string;
  callback: string;
  [key: string]: unknown;
}

/** Body of `POST /v1/mycard/bindings/unbind`: one card by id, or every active card with a code. */
export type UnbindBody = { membershipCode: string } | { bindingId: string };

/** What an unbind ended. */
export interface UnbindResult {
  unbound: Array<{ bindingId: string; programId: string }>;
}

/** A membership of the payer at this merchant, as payment answers carry it. */
export interface Membership {
  programId: string;
  programName: string;
  membershipCode: string;
  codeType: CodeType | string;
  /** Only for a program shared by an enterprise group. */
  groupId?: string;
  [key: string]: unknown;
}

/** A card program's detail page: the built-in template, or a page the merchant hosts. */
export type ProgramDetail =
  | { type: 'TEMPLATE'; benefits: string; terms: string; contact: string }
  | { type: 'EXTERNAL'; url: string };

/** A card program as the merchant API answers it. */
export interface MyCardProgram {
  programId: string;
  name: string;
  logoUrl: string | null;
  codeType: CodeType | string;
  bindingUrl: string;
  detail: ProgramDetail;
  /** The program's Apply channel (the channel that created it), as a string like `ClientOptions.channelId`. */
  channelId: string;
  groupId: string | null;
  status: 'ACTIVE' | 'SUSPENDED' | string;
  /** Where the program's public keys are served. */
  jwksUrl: string;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}

/** Body of `POST /v1/mycard/programs`. */
export interface CreateProgramBody {
  name: string;
  codeType: CodeType;
  /** Your binding page (https; http only against a Jinliu in sandbox mode). */
  bindingUrl: string;
  logoUrl?: string | null;
  detail?:
    | { type: 'TEMPLATE'; benefits?: string; terms?: string; contact?: string }
    | { type: 'EXTERNAL'; url: string };
  groupId?: string | null;
}

/** Body of `POST /v1/mycard/programs/{programId}`: only the fields sent change. */
export type UpdateProgramBody = Partial<CreateProgramBody>;

/** `client.mycard`: binding verification, the Apply API, unbinding and card programs. */
export interface MyCardApi {
  /** The program's JWK set (public, no signature), cached per program for 5 minutes. */
  keys(programId: string, o?: CallOptions): Promise<JsonWebKeySet>;
  /** Parses the binding page's URL and verifies its token with the program's keys. */
  verifyBindingRequest(
    programId: string,
    url: string | URL | URLSearchParams,
    o?: CallOptions,
  ): Promise<BindingRequest>;
  /** `POST /v1/mycard/apply`. Never re-sent automatically (README "My Card"). */
  apply(body: ApplyBody, o?: CallOptions): Promise<AppliedBinding>;
  /** `POST /v1/mycard/bindings/unbind`. */
  unbind(body: UnbindBody, o?: CallOptions): Promise<UnbindResult>;
  /** `POST /v1/mycard/programs`; this client's channel becomes the program's Apply channel. */
  createProgram(body: CreateProgramBody, o?: CallOptions): Promise<MyCardProgram>;
  /** `GET /v1/mycard/programs`. */
  programs(o?: CallOptions): Promise<MyCardProgram[]>;
  /** `GET /v1/mycard/programs/{programId}`. */
  program(programId: string, o?: CallOptions): Promise<MyCardProgram>;
  /** `POST /v1/mycard/programs/{programId}` (PATCH semantics). */
  updateProgram(programId: string, patch: UpdateProgramBody, o?: CallOptions): Promise<MyCardProgram>;
  /** `POST /v1/mycard/programs/{programId}/keys/rotate`; the cached keys are replaced by the answer. */
  rotateKey(programId: string, o?: CallOptions): Promise<{ kid: string; keys: JsonWebKey[] }>;
}
