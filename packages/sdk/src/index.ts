// Public entry of @jinliu/sdk: the merchant client, its one error class, the helpers (My Card
// binding verification among them) and the Jinliu sandbox helpers. Nothing else is part of the API.
export { bindingCallbackUrl, parseBindingRequest } from './binding-request.ts';
export { verifyBindingToken } from './binding-token.ts';
export { createClient, defaultTimeouts, environmentUrls } from './client.ts';
export { parseConfirmUrl } from './confirm-url.ts';
export { type ErrorEndpoint, isLinePayError, LinePayError } from './errors.ts';
export type * from './mycard-types.ts';
export {
  type BuildPackageInput,
  type BuildPaymentRequestInput,
  type BuildProductInput,
  buildPaymentRequest,
} from './packages-builder.ts';
export {
  createSandbox,
  type Sandbox,
  type SandboxAccount,
  type SandboxClock,
  type SandboxOptions,
  type SandboxUser,
} from './sandbox.ts';
export { type SignatureInput, signRequest, verifySignature } from './signature.ts';
export type * from './types.ts';
