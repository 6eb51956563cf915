import { randomBytes } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { signV3 } from '../../packages/core/src/index.ts';
import type { Endpoint } from './latency.ts';
import type { DemoChannel } from './server-process.ts';

/** A call that did not answer as expected (HTTP status, returnCode or shape). */
export class CallError extends Error {
  override readonly name = 'CallError';
  readonly endpoint: Endpoint | 'users';

  constructor(endpoint: Endpoint | 'users', message: string) {
    super(message);
    this.endpoint = endpoint;
  }
}

/** The calls a payment cycle makes against the platform. */
export interface PlatformClient {
  /** `POST /sandbox/v1/users` with a balance (major units); returns the userId. */
  createUser(balance: number): Promise<string>;
  /** Signed `POST /v3/payments/request`; returns the transactionId exactly as sent (a 19-digit number). */
  requestPayment(orderId: string, amount: number): Promise<string>;
  /** `POST /sandbox/v1/payments/{id}/approve` as `userId`, paying with the balance. */
  approve(transactionId: string, userId: string): Promise<void>;
  /** Signed `POST /v3/payments/{id}/confirm`. */
  confirm(transactionId: string, amount: number): Promise<void>;
  close(): void;
}

interface Answer {
  readonly status: number;
  readonly text: string;
}

/** A keep-alive client for one channel; every request carries a fresh nonce. */
export function createPlatformClient(
  baseUrl: string,
  channel: DemoChannel,
  maxSockets = 256,
): PlatformClient {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const noncePrefix = randomBytes(6).toString('hex');
  let nonceCounter = 0;

  const post = (path: string, body: string, headers: Record<string, string>): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: base.hostname,
          port: base.port,
          path,
          method: 'POST',
          agent,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const signed = async (endpoint: Endpoint, path: string, body: string): Promise<string> => {
    nonceCounter += 1;
    const nonce = `${noncePrefix}-${nonceCounter}`;
    const answer = await post(path, body, {
      'x-line-channelid': channel.channelId,
      'x-line-authorization-nonce': nonce,
      'x-line-authorization': signV3(channel.channelSecret, path, body, nonce),
    });
    const code = /"returnCode":"(\d{4})"/.exec(answer.text)?.[1];
    if (answer.status !== 200 || code !== '0000') {
      throw new CallError(endpoint, `${endpoint}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    return answer.text;
  };

  return {
    async createUser(balance) {
      const answer = await post('/sandbox/v1/users', JSON.stringify({ balance }), {});
      const userId = /"userId":"([^"]+)"/.exec(answer.text)?.[1];
      if (answer.status !== 201 || !userId) {
        throw new CallError('users', `create user: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
      }
      return userId;
    },
    async requestPayment(orderId, amount) {
      const body = JSON.stringify({
        amount,
        currency: 'TWD',
        orderId,
        packages: [{ id: 'pkg-1', amount, products: [{ name: 'Bubble tea', quantity: 1, price: amount }] }],
        redirectUrls: {
          confirmUrl: 'https://shop.example/confirm',
          cancelUrl: 'https://shop.example/cancel',
        },
      });
      const text = await signed('request', '/v3/payments/request', body);
      // Read as text: the id has 19 digits, more than a JavaScript number holds exactly.
      const id = /"transactionId":(\d+)/.exec(text)?.[1];
      if (!id) {
        throw new CallError('request', `request: no transactionId in ${text.slice(0, 200)}`);
      }
      return id;
    },
    async approve(transactionId, userId) {
      const answer = await post(
        `/sandbox/v1/payments/${transactionId}/approve`,
        JSON.stringify({ userId, method: 'BALANCE' }),
        {},
      );
      if (answer.status !== 200 || !answer.text.includes('"redirectUrl"')) {
        throw new CallError('approve', `approve: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    },
    async confirm(transactionId, amount) {
      const path = `/v3/payments/${transactionId}/confirm`;
      await signed('confirm', path, JSON.stringify({ amount, currency: 'TWD' }));
    },
    close() {
      agent.destroy();
    },
  };
}
