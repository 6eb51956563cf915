import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, request } from 'undici';

/** Timeouts LINE Pay documents for its calls to a merchant's confirmUrl. */
export const callbackTimeouts = { connectMs: 5_000, readMs: 20_000 } as const;

const privateV4 = [
  [0x0a000000, 8],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0a80000, 16],
  [0x64400000, 10],
  [0x00000000, 8],
] as const;

/** True for loopback, private, link-local and unspecified addresses (SSRF targets). */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const n = address.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
    return privateV4.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
  }
  const a = address.toLowerCase();
  if (a.startsWith('::ffff:')) {
    return isPrivateAddress(a.slice(7));
  }
  return a === '::1' || a === '::' || a.startsWith('fc') || a.startsWith('fd') || a.startsWith('fe80');
}

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    const blocked = addresses.find((a) => isPrivateAddress(a.address));
    if (blocked) {
      callback(new Error(`${hostname} resolves to a private address; refused`), '', 0);
      return;
    }
    if (options.all) {
      (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return;
    }
    const [first] = addresses;
    callback(null, first?.address ?? '', first?.family ?? 4);
  });
};

/** An HTTP client for calling merchants: fixed timeouts, and (live mode) no private addresses. */
export interface MerchantHttp {
  get(url: string): Promise<{ status: number }>;
  close(): Promise<void>;
}

/** Creates the client; `allowPrivate` is true in the sandbox, where merchants run on localhost. */
export function createMerchantHttp(options: { allowPrivate: boolean }): MerchantHttp {
  const agent = new Agent({
    connect: {
      timeout: callbackTimeouts.connectMs,
      ...(options.allowPrivate ? {} : { lookup: guardedLookup }),
    },
    headersTimeout: callbackTimeouts.readMs,
    bodyTimeout: callbackTimeouts.readMs,
  });
  return {
    async get(url) {
      const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
      if (!options.allowPrivate && (host === 'localhost' || (isIP(host) !== 0 && isPrivateAddress(host)))) {
        throw new Error(`${host} is a private address; refused`);
      }
      const res = await request(url, {
        method: 'GET',
        dispatcher: agent,
        headers: { 'user-agent': 'Jinliu/0.1 (confirmUrl)' },
      });
      await res.body.dump();
      return { status: res.statusCode };
    },
    close: () => agent.close(),
  };
}
