// Jinliu's sandbox helpers (`/sandbox/v1/*`): things a test needs that the LINE Pay API has no
// call for — making channels and users, approving as the user would, moving the clock. They
// exist only on a Jinliu server in sandbox mode, never on real LINE Pay.
import { LinePayError } from './errors.ts';
import { httpCall } from './http-call.ts';
import { parseLosslessJson } from './lossless-json.ts';
import { toTransactionId } from './transaction-id.ts';
import type { Currency, TransactionId } from './types.ts';

export interface SandboxOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per call, default 20000 ms. */
  timeoutMs?: number;
}

export interface SandboxAccount {
  kind: 'balance' | 'points';
  currency: Currency;
  balance: number;
}

export interface SandboxUser {
  userId: string;
  displayName: string;
  accounts: SandboxAccount[];
}

export interface SandboxClock {
  now: Date;
  offsetSeconds: number;
}

/** The sandbox helper client returned by `createSandbox`. */
export interface Sandbox {
  createChannel(input?: {
    name?: string;
    currency?: Currency;
    allowAuthorizeOnly?: boolean;
    allowPreapproved?: boolean;
  }): Promise<{ channelId: string; channelSecret: string; merchantId: string }>;
  approve(
    id: TransactionId,
    input?: {
      userId?: string;
      method?: 'BALANCE' | 'CREDIT_CARD' | 'POINT';
      cardNumber?: string;
      points?: number;
    },
  ): Promise<{ redirectUrl: string | null }>;
  cancel(id: TransactionId): Promise<{ redirectUrl: string | null }>;
  clock(): Promise<SandboxClock>;
  advanceClock(seconds: number): Promise<SandboxClock & { expired: number }>;
  users(): Promise<SandboxUser[]>;
  createUser(input?: {
    displayName?: string;
    currency?: Currency;
    balance?: number;
    points?: number;
  }): Promise<{ userId: string; pin: string }>;
  setBalance(userId: string, input: { currency: Currency; balance?: number; points?: number }): Promise<void>;
  testCards(): Promise<{ approve: unknown[]; decline: unknown[] }>;
}

const defaultTimeoutMs = 20_000;

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function badResponse(name: string, message: string, status: number, body?: unknown): LinePayError {
  return new LinePayError({
    returnCode: 'BAD_RESPONSE',
    returnMessage: message,
    endpoint: `sandbox.${name}`,
    retryable: false,
    httpStatus: status,
    body,
  });
}

function str(name: string, value: Record<string, unknown>, key: string, status: number): string {
  const v = value[key];
  if (typeof v !== 'string') {
    throw badResponse(name, `the answer has no string ${key}`, status, value);
  }
  return v;
}

function clockOf(name: string, v: Record<string, unknown>, status: number): SandboxClock {
  const now = new Date(str(name, v, 'now', status));
  if (Number.isNaN(now.getTime()) || typeof v.offsetSeconds !== 'number') {
    throw badResponse(name, 'the answer is not a clock', status, v);
  }
  return { now, offsetSeconds: v.offsetSeconds };
}

/** Creates the client for Jinliu's sandbox helpers at `baseUrl`. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;

  async function call(
    name: string,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: object,
  ): Promise<{ status: number; value: Record<string, unknown> }> {
    const endpoint = `sandbox.${name}` as const;
    const init: RequestInit = { method, headers: { 'Content-Type': 'application/json' } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
    }
    const answer = await httpCall({
      fetch: doFetch,
      url: base + path,
      init,
      timeoutMs,
      endpoint,
      retryableOnFailure: method === 'GET',
    });
    let parsed: unknown;
    try {
      parsed = answer.text.length === 0 ? {} : parseLosslessJson(answer.text);
    } catch {
      throw badResponse(name, `HTTP ${answer.status} with a body that is not JSON`, answer.status);
    }
    const value = record(parsed);
    if (answer.status < 200 || answer.status >= 300) {
      const error = record(value.error);
      const code = typeof error.code === 'string' ? error.code : `HTTP_${answer.status}`;
      throw new LinePayError({
        returnCode: code,
        returnMessage: typeof error.message === 'string' ? error.message : `HTTP ${answer.status}`,
        endpoint,
        retryable: false,
        httpStatus: answer.status,
        body: parsed,
      });
    }
    return { status: answer.status, value };
  }

  function idPath(id: TransactionId, name: string): string {
    return toTransactionId(id, `sandbox.${name}`).toString();
  }

  return {
    async createChannel(input = {}) {
      const { status, value } = await call('createChannel', 'POST', '/sandbox/v1/channels', input);
      return {
        channelId: str('createChannel', value, 'channelId', status),
        channelSecret: str('createChannel', value, 'channelSecret', status),
        merchantId: str('createChannel', value, 'merchantId', status),
      };
    },
    async approve(id, input = {}) {
      const path = `/sandbox/v1/payments/${idPath(id, 'approve')}/approve`;
      const { value } = await call('approve', 'POST', path, input);
      return { redirectUrl: typeof value.redirectUrl === 'string' ? value.redirectUrl : null };
    },
    async cancel(id) {
      const path = `/sandbox/v1/payments/${idPath(id, 'cancel')}/cancel`;
      const { value } = await call('cancel', 'POST', path);
      return { redirectUrl: typeof value.redirectUrl === 'string' ? value.redirectUrl : null };
    },
    async clock() {
      const { status, value } = await call('clock', 'GET', '/sandbox/v1/clock');
      return clockOf('clock', value, status);
    },
    async advanceClock(seconds) {
      const { status, value } = await call('advanceClock', 'POST', '/sandbox/v1/clock/advance', { seconds });
      if (typeof value.expired !== 'number') {
        throw badResponse('advanceClock', 'the answer has no expired count', status, value);
      }
      return { ...clockOf('advanceClock', value, status), expired: value.expired };
    },
    async users() {
      const { status, value } = await call('users', 'GET', '/sandbox/v1/users');
      if (!Array.isArray(value.users)) {
        throw badResponse('users', 'the answer has no users list', status, value);
      }
      return value.users as SandboxUser[];
    },
    async createUser(input = {}) {
      const { status, value } = await call('createUser', 'POST', '/sandbox/v1/users', input);
      return {
        userId: str('createUser', value, 'userId', status),
        pin: str('createUser', value, 'pin', status),
      };
    },
    async setBalance(userId, input) {
      await call('setBalance', 'PUT', `/sandbox/v1/users/${encodeURIComponent(userId)}/balance`, input);
    },
    async testCards() {
      const { status, value } = await call('testCards', 'GET', '/sandbox/v1/test-cards');
      if (!Array.isArray(value.approve) || !Array.isArray(value.decline)) {
        throw badResponse('testCards', 'the answer has no approve/decline lists', status, value);
      }
      return { approve: value.approve, decline: value.decline };
    },
  };
}
