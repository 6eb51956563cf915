// Typed access to the unmodified npm client `line-pay-merchant@0.9.0` for the interop tests.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { requestBody, sandbox, type TestPlatform } from './test-app.ts';

const require = createRequire(import.meta.url);

// ---- A small local type for the parts of line-pay-merchant these tests use -----------------

/** A LINE Pay answer as line-pay-merchant hands it over (ids are strings after its rewrite). */
export interface Reply<I> {
  readonly returnCode: string;
  readonly returnMessage: string;
  readonly info: I;
}

/** What `send()` resolves to. */
export interface Sent<I> {
  readonly body: Reply<I>;
  readonly comments: { readonly originalLinePayApiError?: unknown };
}

/** What a handler receives (createPaymentApi's handler chain). */
export interface HandlerContext {
  readonly type: string;
  readonly req: unknown;
  readonly next: (req: unknown) => Promise<unknown>;
  readonly httpClient: unknown;
}

export type Handler = (ctx: HandlerContext) => Promise<unknown>;

/** One client member: `{ send, addHandler, addHandlers }`. */
export interface PaymentApi<Req, I> {
  send(req: Req): Promise<Sent<I>>;
  addHandler(...handlers: Handler[]): PaymentApi<Req, I>;
}

export interface PayInfo {
  readonly method: string;
  readonly amount: number;
}

export interface RequestInfo {
  readonly transactionId: string;
  readonly paymentAccessToken: string;
  readonly paymentUrl: { readonly web: string; readonly app: string };
}

export interface ConfirmInfo {
  readonly orderId: string;
  readonly transactionId: string;
  readonly authorizationExpireDate?: string;
  readonly regKey?: string;
  readonly payInfo: PayInfo[];
  readonly packages: unknown[];
}

export interface CaptureInfo {
  readonly orderId: string;
  readonly transactionId: string;
  readonly payInfo: PayInfo[];
}

export interface RefundInfo {
  readonly refundTransactionId: string;
  readonly refundTransactionDate: string;
}

export interface DetailsItem {
  readonly transactionId: string;
  readonly orderId: string;
  readonly transactionDate?: string;
  readonly transactionType?: string;
  readonly payStatus?: string;
  readonly payInfo?: PayInfo[];
  readonly originalTransactionId?: unknown;
  readonly refundList?: {
    readonly refundTransactionId: string;
    readonly transactionType: string;
    readonly refundAmount: number;
    readonly refundTransactionDate: string;
  }[];
}

export interface PreapprovedPayInfo {
  readonly orderId: string;
  readonly transactionId: string;
  readonly transactionDate: string;
  readonly authorizationExpireDate?: string;
}

export type TwdAmount = { amount: number; currency: string };

/** The ten members of a line-pay-merchant client. */
export interface LinePayClient {
  readonly request: PaymentApi<{ body: ReturnType<typeof requestBody> }, RequestInfo>;
  readonly confirm: PaymentApi<{ transactionId: string; body: TwdAmount }, ConfirmInfo>;
  readonly capture: PaymentApi<{ transactionId: string; body: TwdAmount }, CaptureInfo>;
  readonly void: PaymentApi<{ transactionId: string; body?: Record<string, never> }, undefined>;
  readonly refund: PaymentApi<{ transactionId: string; body: { refundAmount?: number } }, RefundInfo>;
  readonly paymentDetails: PaymentApi<
    { params: { transactionId?: string[]; orderId?: string[]; fields?: 'ALL' | 'TRANSACTION' | 'ORDER' } },
    DetailsItem[]
  >;
  readonly checkPaymentStatus: PaymentApi<
    { transactionId: string; params: Record<string, never> },
    undefined
  >;
  readonly checkRegKey: PaymentApi<{ regKey: string; params?: { creditCardAuth?: boolean } }, undefined>;
  readonly payPreapproved: PaymentApi<
    { regKey: string; body: TwdAmount & { productName: string; orderId: string; capture?: boolean } },
    PreapprovedPayInfo
  >;
  readonly expireRegKey: PaymentApi<{ regKey: string; body?: Record<string, never> }, undefined>;
}

export interface MerchantConfig {
  readonly channelId: string;
  readonly channelSecretKey: string;
  readonly env: 'development' | 'production';
}

/** The error line-pay-merchant throws for a returnCode not starting with '0'. */
export interface LinePayApiErrorShape extends Error {
  readonly statusCode: number;
  readonly data: { readonly returnCode: string; readonly returnMessage: string };
}

export type Converter = (req: never, paymentDetails: never) => unknown;

/** `require('line-pay-merchant')`. */
export interface LinePayMerchantModule {
  createLinePayClient(config: MerchantConfig): LinePayClient;
  createPaymentDetailsRecoveryHandler(converter: Converter): Handler;
  readonly paymentDetailsToConfirm: Converter;
  readonly LinePayApiError: abstract new (...args: never[]) => LinePayApiErrorShape;
  readonly HttpError: abstract new (...args: never[]) => Error;
}

/** The axios instance of `createAuthHttpClient` (only the defaults these tests set). */
export interface AuthHttpClient {
  readonly defaults: { baseURL?: string; proxy?: false };
}

export const lpm = require('line-pay-merchant') as LinePayMerchantModule;
const { createAuthHttpClient } = require('line-pay-merchant/dist/line-pay-api/auth-http-client') as {
  createAuthHttpClient(config: MerchantConfig): AuthHttpClient;
};
const { createPaymentApi } = require('line-pay-merchant/dist/payment-api/create') as {
  createPaymentApi<A>(type: string, createSender: unknown, httpClient: AuthHttpClient): A;
};

/** `<name>WithClient` from `line-pay-merchant/dist/line-pay-api/<file>`. */
export function sender(file: string, name: string): unknown {
  const mod = require(`line-pay-merchant/dist/line-pay-api/${file}`) as Record<string, unknown>;
  const fn = mod[`${name}WithClient`];
  assert.equal(typeof fn, 'function', `${file} exports ${name}WithClient`);
  return fn;
}

/** Method 1 (§9.2): deep imports, with the HTTP client's base URL pointed at the server. */
export function deepImportClient(p: TestPlatform, baseURL: string): LinePayClient {
  const http = createAuthHttpClient({
    channelId: p.channel.channelId,
    channelSecretKey: p.channel.channelSecret,
    env: 'development',
  });
  http.defaults.baseURL = baseURL;
  // The base URL is plain http: an HTTP_PROXY in the environment must not reroute it.
  http.defaults.proxy = false;
  return {
    request: createPaymentApi('request', sender('request', 'request'), http),
    confirm: createPaymentApi('confirm', sender('confirm', 'confirm'), http),
    capture: createPaymentApi('capture', sender('capture', 'capture'), http),
    void: createPaymentApi('void', sender('void', 'void'), http),
    refund: createPaymentApi('refund', sender('refund', 'refund'), http),
    paymentDetails: createPaymentApi('paymentDetails', sender('payment-details', 'paymentDetails'), http),
    checkPaymentStatus: createPaymentApi(
      'checkPaymentStatus',
      sender('check-payment-status', 'checkPaymentStatus'),
      http,
    ),
    checkRegKey: createPaymentApi('checkRegKey', sender('check-regkey', 'checkRegKey'), http),
    payPreapproved: createPaymentApi('payPreapproved', sender('pay-preapproved', 'payPreapproved'), http),
    expireRegKey: createPaymentApi('expireRegKey', sender('expire-regkey', 'expireRegKey'), http),
  };
}

/** Method 2 (§9.2): the ordinary client; HTTPS_PROXY (set by the caller) routes it to the server. */
export function proxiedClient(p: TestPlatform): LinePayClient {
  return lpm.createLinePayClient({
    channelId: p.channel.channelId,
    channelSecretKey: p.channel.channelSecret,
    env: 'development',
  });
}

// ---- Shared helpers -------------------------------------------------------------------------

export function portOf(p: TestPlatform): number {
  const address = p.app.server.address();
  assert.ok(address && typeof address === 'object', 'the platform listens on a TCP port');
  return address.port;
}

/** Records the raw request target and Host of every request the server receives. */
export function recordTargets(p: TestPlatform): { targets: string[]; hosts: string[]; stop(): void } {
  const targets: string[] = [];
  const hosts: string[] = [];
  // Prepended so it sees req.url before the app rewrites absolute-form targets.
  const listener = (req: IncomingMessage) => {
    targets.push(req.url ?? '');
    hosts.push(req.headers.host ?? '');
  };
  p.app.server.prependListener('request', listener);
  return {
    targets,
    hosts,
    stop() {
      p.app.server.off('request', listener);
    },
  };
}

/** Asserts `promise` rejects with line-pay-merchant's LinePayApiError carrying `returnCode`. */
export async function rejectsWithCode(promise: Promise<unknown>, returnCode: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof lpm.LinePayApiError, `expected LinePayApiError, got ${String(error)}`);
    assert.equal(error.statusCode, 200, 'business errors come back as HTTP 200');
    assert.equal(error.data.returnCode, returnCode, error.data.returnMessage);
    assert.equal(error.message, error.data.returnMessage);
    return true;
  });
}

export const nineteenDigits = /^\d{19}$/;
export const wireDate = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Requests a payment through the client and approves it as alice; returns the id string. */
export async function requestAndApprove(
  p: TestPlatform,
  c: LinePayClient,
  orderId: string,
  amount: number,
  extra: Parameters<typeof requestBody>[2] = {},
): Promise<string> {
  const req = await c.request.send({ body: requestBody(orderId, amount, extra) });
  assert.equal(req.body.returnCode, '0000', req.body.returnMessage);
  const id = req.body.info.transactionId;
  assert.equal(typeof id, 'string', 'line-pay-merchant quotes the bare integer id');
  assert.match(id, nineteenDigits);
  assert.match(req.body.info.paymentAccessToken, /^\d{12}$/);
  assert.match(req.body.info.paymentUrl.web, /^http:\/\/jinliu\.test\/web\/payment\/wait\?/);
  const approved = await sandbox(p, 'POST', `/sandbox/v1/payments/${id}/approve`, { userId: p.alice });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  // The server writes the redirect from its own (bigint) id: equality proves the string is exact.
  assert.equal(
    approved.body.redirectUrl,
    `https://merchant.example/confirm?transactionId=${id}&orderId=${orderId}`,
  );
  return id;
}
