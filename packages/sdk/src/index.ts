// Public entry of @jinliu/sdk: the merchant client, its one error class, the helpers and the
// Jinliu sandbox helpers. Nothing else is part of the API.
export { createClient, defaultTimeouts, environmentUrls } from './client.ts';
export { parseConfirmUrl } from './confirm-url.ts';
export { type ErrorEndpoint, isLinePayError, LinePayError } from './errors.ts';
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
