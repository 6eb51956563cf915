// The merchant client: one method per Online v3 endpoint, each a signed call with its own read
// timeout, typed answers with bigint ids, and safe retry for confirm / capture / refund.
import { randomUUID } from 'node:crypto';
import { invalidArgument, isLinePayError } from './errors.ts';
import * as shapes from './info-shapes.ts';
import { createMyCardApi, myCardTimeouts } from './mycard-client.ts';
import { captureSafely, confirmSafely, type RecoveryContext, refundSafely } from './safe-retry.ts';
import { toTransactionId } from './transaction-id.ts';
import { buildQuery, sendV3, type TransportConfig, type V3Call } from './transport.ts';
import type {
  ApiEndpoint,
  CallOptions,
  ClientOptions,
  Currency,
  Endpoint,
  Environment,
  LinePayClient,
  PaymentDetail,
  PaymentStatus,
} from './types.ts';

/** Hosts selected by `env`. */
export const environmentUrls: Readonly<Record<Environment, string>> = {
  sandbox: 'https://sandbox-api-pay.line.me',
  production: 'https://api-pay.line.me',
  jinliu: 'http://127.0.0.1:8080',
};

/** Read timeouts per endpoint (reference §1.3). */
export const defaultTimeouts: Readonly<Record<Endpoint, number>> = {
  request: 20_000,
  confirm: 40_000,
  capture: 60_000,
  void: 20_000,
  refund: 20_000,
  paymentDetails: 20_000,
  checkPaymentStatus: 20_000,
  checkRegKey: 20_000,
  payPreapproved: 40_000,
  expireRegKey: 20_000,
};

const statusByCode: Readonly<Record<string, PaymentStatus>> = {
  '0000': 'WAITING',
  '0110': 'AUTHENTICATED',
  '0121': 'CANCELLED',
  '0122': 'FAILED',
  '0123': 'COMPLETED',
};

const currencies: readonly string[] = ['TWD', 'USD', 'THB', 'JPY'];

function resolveBaseUrl(options: ClientOptions): string {
  if (options.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new TypeError(`baseUrl ${JSON.stringify(options.baseUrl)} is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError('baseUrl must be an http or https URL');
    }
    return options.baseUrl.replace(/\/+$/, '');
  }
  const env = options.env ?? 'sandbox';
  const url = environmentUrls[env];
  if (!Object.hasOwn(environmentUrls, env) || url === undefined) {
    throw new TypeError(`env must be sandbox, production or jinliu, got ${JSON.stringify(env)}`);
  }
  return url;
}

function checkTimeouts(timeouts: ClientOptions['timeouts']): Record<ApiEndpoint, number> {
  const merged: Record<ApiEndpoint, number> = { ...defaultTimeouts, ...myCardTimeouts };
  for (const [key, ms] of Object.entries(timeouts ?? {})) {
    if (!Object.hasOwn(merged, key)) {
      throw new TypeError(`timeouts.${key} is not an endpoint`);
    }
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) {
      throw new TypeError(`timeouts.${key} must be a positive number of ms`);
    }
    merged[key as ApiEndpoint] = ms;
  }
  return merged;
}

function checkAmountBody(endpoint: Endpoint, body: { amount: number; currency: Currency } | undefined): void {
  if (!body || typeof body !== 'object') {
    throw invalidArgument(endpoint, 'the body { amount, currency } is required');
  }
  if (typeof body.amount !== 'number' || !Number.isFinite(body.amount) || body.amount <= 0) {
    throw invalidArgument(endpoint, 'amount must be a number greater than 0');
  }
  if (!currencies.includes(body.currency)) {
    throw invalidArgument(endpoint, 'currency must be TWD, USD, THB or JPY');
  }
}

function regKeyPath(endpoint: Endpoint, regKey: string, action: string): string {
  if (typeof regKey !== 'string' || regKey.length === 0 || regKey.length > 100) {
    throw invalidArgument(endpoint, 'regKey must be a non-empty string');
  }
  return `/v3/payments/preapprovedPay/${encodeURIComponent(regKey)}/${action}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) {
    return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Creates a LINE Pay Online v3 client for real LINE Pay (`env`) or any server (`baseUrl`). */
export function createClient(options: ClientOptions): LinePayClient {
  if (!options || typeof options.channelId !== 'string' || options.channelId.length === 0) {
    throw new TypeError('channelId is required');
  }
  if (typeof options.channelSecret !== 'string' || options.channelSecret.length === 0) {
    throw new TypeError('channelSecret is required');
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new TypeError('no fetch available: pass options.fetch or use Node 20+');
  }
  const config: TransportConfig = {
    baseUrl: resolveBaseUrl(options),
    channelId: options.channelId,
    channelSecret: options.channelSecret,
    fetch: fetchImpl,
    nonce: options.nonce ?? randomUUID,
  };
  const timeouts = checkTimeouts(options.timeouts);
  const safeRetry = options.safeRetry ?? true;

  function call(base: Omit<V3Call, 'timeoutMs' | 'signal'>, o: CallOptions | undefined) {
    const timeoutMs = o?.timeoutMs ?? timeouts[base.endpoint];
    return sendV3(config, { ...base, timeoutMs, signal: o?.signal });
  }

  /** A read, re-sent once after a dropped connection when safe retry is on. */
  async function read(base: Omit<V3Call, 'timeoutMs' | 'signal' | 'method'>, o: CallOptions | undefined) {
    try {
      return await call({ ...base, method: 'GET' }, o);
    } catch (e) {
      if (safeRetry && isLinePayError(e) && e.returnCode === 'NETWORK' && !o?.signal?.aborted) {
        return call({ ...base, method: 'GET' }, o);
      }
      throw e;
    }
  }

  async function paymentDetails(
    q: Parameters<LinePayClient['paymentDetails']>[0],
    o?: CallOptions,
  ): Promise<PaymentDetail[]> {
    const ids = (q?.transactionId ?? []).map((id) => toTransactionId(id, 'paymentDetails'));
    const orderIds = q?.orderId ?? [];
    if (ids.length + orderIds.length === 0) {
      throw invalidArgument('paymentDetails', 'give at least one transactionId or orderId');
    }
    if (orderIds.some((id) => typeof id !== 'string' || id.length === 0)) {
      throw invalidArgument('paymentDetails', 'orderId values must be non-empty strings');
    }
    if (q.fields !== undefined && !['TRANSACTION', 'ORDER', 'ALL'].includes(q.fields)) {
      throw invalidArgument('paymentDetails', 'fields must be TRANSACTION, ORDER or ALL');
    }
    const pairs: Array<[string, string]> = [
      ...ids.map((id): [string, string] => ['transactionId', id.toString()]),
      ...orderIds.map((id): [string, string] => ['orderId', id]),
      ...(q.fields !== undefined ? [['fields', q.fields] as [string, string]] : []),
    ];
    const answer = await read(
      { endpoint: 'paymentDetails', path: '/v3/payments', query: buildQuery(pairs) },
      o,
    );
    return shapes.detailsInfo(answer);
  }

  function recovery(id: bigint, o: CallOptions | undefined): RecoveryContext {
    // Recovery reads use the caller's signal but the details endpoint's own timeout.
    const readOptions: CallOptions = o?.signal ? { signal: o.signal } : {};
    return {
      transactionId: id,
      async readPayment() {
        try {
          const items = await paymentDetails({ transactionId: [id], fields: 'ALL' }, readOptions);
          return items.find((d) => d.transactionId === id && d.originalTransactionId === undefined);
        } catch (e) {
          if (isLinePayError(e) && e.returnCode === '1150') {
            return undefined;
          }
          throw e;
        }
      },
      sleep: (ms) => sleep(ms, o?.signal),
    };
  }

  return {
    async request(body, o) {
      if (!body || typeof body !== 'object') {
        throw invalidArgument('request', 'the request body is required (see buildPaymentRequest)');
      }
      const answer = await call(
        { endpoint: 'request', method: 'POST', path: '/v3/payments/request', body },
        o,
      );
      return shapes.requestInfo(answer);
    },

    async confirm(id, body, o) {
      const transactionId = toTransactionId(id, 'confirm');
      checkAmountBody('confirm', body);
      const send = async () =>
        shapes.confirmInfo(
          await call(
            {
              endpoint: 'confirm',
              method: 'POST',
              path: `/v3/payments/${transactionId}/confirm`,
              body: { amount: body.amount, currency: body.currency },
              transactionId,
            },
            o,
          ),
        );
      return safeRetry ? confirmSafely(recovery(transactionId, o), send) : send();
    },

    async capture(id, body, o) {
      const transactionId = toTransactionId(id, 'capture');
      checkAmountBody('capture', body);
      const payload = {
        amount: body.amount,
        currency: body.currency,
        ...(body.options !== undefined ? { options: body.options } : {}),
      };
      const send = async () =>
        shapes.captureInfo(
          await call(
            {
              endpoint: 'capture',
              method: 'POST',
              path: `/v3/payments/authorizations/${transactionId}/capture`,
              body: payload,
              transactionId,
            },
            o,
          ),
        );
      return safeRetry ? captureSafely(recovery(transactionId, o), send) : send();
    },

    async void(id, o) {
      const transactionId = toTransactionId(id, 'void');
      await call(
        {
          endpoint: 'void',
          method: 'POST',
          path: `/v3/payments/authorizations/${transactionId}/void`,
          body: {},
          transactionId,
        },
        o,
      );
    },

    async refund(id, body, o) {
      const transactionId = toTransactionId(id, 'refund');
      const refundAmount = body?.refundAmount;
      if (
        refundAmount !== undefined &&
        (typeof refundAmount !== 'number' || !Number.isFinite(refundAmount) || refundAmount <= 0)
      ) {
        throw invalidArgument(
          'refund',
          'refundAmount must be a number greater than 0, or omitted for a full refund',
        );
      }
      const send = async () =>
        shapes.refundInfo(
          await call(
            {
              endpoint: 'refund',
              method: 'POST',
              path: `/v3/payments/${transactionId}/refund`,
              body: refundAmount === undefined ? {} : { refundAmount },
              transactionId,
            },
            o,
          ),
        );
      return safeRetry ? refundSafely(recovery(transactionId, o), send, refundAmount) : send();
    },

    paymentDetails,

    async checkPaymentStatus(id, o) {
      const transactionId = toTransactionId(id, 'checkPaymentStatus');
      const answer = await read(
        {
          endpoint: 'checkPaymentStatus',
          path: `/v3/payments/requests/${transactionId}/check`,
          transactionId,
          accept: Object.keys(statusByCode),
        },
        o,
      );
      const status = statusByCode[answer.returnCode] as PaymentStatus;
      const memberships = shapes.statusMemberships(answer);
      return {
        returnCode: answer.returnCode,
        returnMessage: answer.returnMessage,
        status,
        ...(memberships !== undefined ? { memberships } : {}),
      };
    },

    async checkRegKey(regKey, q, o) {
      const path = regKeyPath('checkRegKey', regKey, 'check');
      if (q?.creditCardAuth !== undefined && typeof q.creditCardAuth !== 'boolean') {
        throw invalidArgument('checkRegKey', 'creditCardAuth must be true or false');
      }
      const query =
        q?.creditCardAuth === undefined ? '' : buildQuery([['creditCardAuth', String(q.creditCardAuth)]]);
      const answer = await read(
        { endpoint: 'checkRegKey', path, query, accept: ['0000', '1190', '1193'] },
        o,
      );
      return { valid: answer.returnCode === '0000', returnCode: answer.returnCode };
    },

    async payPreapproved(regKey, body, o) {
      const path = regKeyPath('payPreapproved', regKey, 'payment');
      checkAmountBody('payPreapproved', body);
      if (typeof body.productName !== 'string' || body.productName.length === 0) {
        throw invalidArgument('payPreapproved', 'productName is required');
      }
      if (typeof body.orderId !== 'string' || body.orderId.length === 0) {
        throw invalidArgument('payPreapproved', 'orderId is required');
      }
      const payload = {
        productName: body.productName,
        amount: body.amount,
        currency: body.currency,
        orderId: body.orderId,
        ...(body.capture !== undefined ? { capture: body.capture } : {}),
      };
      const answer = await call({ endpoint: 'payPreapproved', method: 'POST', path, body: payload }, o);
      return shapes.payPreapprovedInfo(answer);
    },

    async expireRegKey(regKey, o) {
      const path = regKeyPath('expireRegKey', regKey, 'expire');
      await call({ endpoint: 'expireRegKey', method: 'POST', path, body: {} }, o);
    },

    mycard: createMyCardApi({
      config,
      call,
      read,
      timeoutMs: (endpoint, o) => o?.timeoutMs ?? timeouts[endpoint],
      safeRetry,
    }),
  };
}
