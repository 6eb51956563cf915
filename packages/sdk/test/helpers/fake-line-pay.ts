// An in-memory LINE Pay for unit tests, reached through an injected `fetch`. Each call can be
// answered, applied with its answer lost (the connection hangs until the client gives up), or
// lost before it is applied — the cases safe retry must tell apart.

/** What the fake does with one call. */
export type Fate = 'answer' | 'apply-then-hang' | 'hang';

export interface FakeRefund {
  id: bigint;
  amount: number;
  date: string;
}

export interface FakePayment {
  id: bigint;
  orderId: string;
  amount: number;
  status: 'AUTHENTICATED' | 'AUTHORIZATION' | 'CAPTURE';
  refunds: FakeRefund[];
  /** My Card memberships of the payer, carried by details when present. */
  memberships?: unknown[];
}

/** One call the fake received. */
export interface SeenCall {
  method: string;
  path: string;
  query: string;
  body: string;
  headers: Record<string, string>;
  fate: Fate;
}

export interface FakeLinePay {
  fetch: typeof fetch;
  calls: SeenCall[];
  payments: Map<bigint, FakePayment>;
  /** Decides the fate of each call; default 'answer'. */
  fate: (call: Omit<SeenCall, 'fate'>, index: number) => Fate;
  /** Count of calls to a path suffix ('/confirm', '/refund', …). */
  count(suffix: string): number;
}

function envelope(returnCode: string, info?: unknown): string {
  const body = JSON.stringify({
    returnCode,
    returnMessage: returnCode === '0000' ? 'Success.' : 'Error.',
    info,
  });
  // Ids go out as bare integers, as LINE Pay sends them.
  return body.replace(/"(transactionId|refundTransactionId|originalTransactionId)":"(\d+)"/g, '"$1":$2');
}

function ids(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)));
}

/** A fake LINE Pay holding the given payments. */
export function fakeLinePay(payments: FakePayment[]): FakeLinePay {
  const fake: FakeLinePay = {
    calls: [],
    payments: new Map(payments.map((p) => [p.id, p])),
    fate: () => 'answer',
    count: (suffix) => fake.calls.filter((c) => c.path.endsWith(suffix)).length,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((v, k) => {
        headers[k] = v;
      });
      const seen = {
        method: init?.method ?? 'GET',
        path: url.pathname,
        query: url.search.slice(1),
        body: typeof init?.body === 'string' ? init.body : '',
        headers,
      };
      const fate = fake.fate(seen, fake.calls.length);
      fake.calls.push({ ...seen, fate });
      const signal = init?.signal ?? undefined;
      const hang = () =>
        new Promise<Response>((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      if (fate === 'hang') {
        return hang();
      }
      const text = handle(fake, seen.method, url, seen.body);
      if (fate === 'apply-then-hang') {
        return hang();
      }
      return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
    },
  };
  return fake;
}

let nextRefund = 2021121600698710311n;

function handle(fake: FakeLinePay, method: string, url: URL, body: string): string {
  const m = /^\/v3\/payments\/(?:authorizations\/)?(\d+)\/(confirm|capture|refund)$/.exec(url.pathname);
  if (method === 'GET' && url.pathname === '/v3/payments') {
    const wanted = url.searchParams.getAll('transactionId').map((x) => BigInt(x));
    const found = [...fake.payments.values()].filter(
      (p) => wanted.includes(p.id) && p.status !== 'AUTHENTICATED',
    );
    if (found.length === 0) {
      return envelope('1150');
    }
    return envelope(
      '0000',
      ids(
        found.map((p) => ({
          transactionId: p.id,
          orderId: p.orderId,
          transactionType: 'PAYMENT',
          payStatus: p.status,
          currency: 'TWD',
          payInfo: [{ method: 'BALANCE', amount: p.amount }],
          ...(p.status === 'AUTHORIZATION' ? { authorizationExpireDate: '2026-12-01T00:00:00Z' } : {}),
          ...(p.memberships ? { memberships: p.memberships } : {}),
          ...(p.refunds.length > 0
            ? {
                refundList: p.refunds.map((r) => ({
                  refundTransactionId: r.id,
                  transactionType: 'PARTIAL_REFUND',
                  refundAmount: -r.amount,
                  refundTransactionDate: r.date,
                })),
              }
            : {}),
          packages: [
            {
              id: 'pkg',
              amount: p.amount,
              userFeeAmount: 0,
              products: [{ name: 'Pen', quantity: 1, price: p.amount }],
            },
          ],
        })),
      ),
    );
  }
  if (!m || method !== 'POST') {
    return envelope('2101');
  }
  const p = fake.payments.get(BigInt(m[1] ?? '0'));
  if (!p) {
    return envelope('1150');
  }
  const parsed = JSON.parse(body || '{}') as { amount?: number; refundAmount?: number };
  const payInfo = [{ method: 'BALANCE', amount: p.amount }];
  switch (m[2]) {
    case 'confirm':
      if (p.status !== 'AUTHENTICATED') {
        return envelope('1172');
      }
      p.status = 'CAPTURE';
      return envelope('0000', ids({ orderId: p.orderId, transactionId: p.id, payInfo }));
    case 'capture':
      if (p.status !== 'AUTHORIZATION') {
        return envelope('1179');
      }
      p.status = 'CAPTURE';
      p.amount = parsed.amount ?? p.amount;
      return envelope(
        '0000',
        ids({ orderId: p.orderId, transactionId: p.id, payInfo: [{ method: 'BALANCE', amount: p.amount }] }),
      );
    default: {
      const refunded = p.refunds.reduce((a, r) => a + r.amount, 0);
      const amount = parsed.refundAmount ?? p.amount - refunded;
      if (p.status !== 'CAPTURE') {
        return envelope('1155');
      }
      if (amount <= 0 || refunded + amount > p.amount) {
        return envelope('1164');
      }
      const refund = { id: nextRefund++, amount, date: '2026-11-23T01:00:00Z' };
      p.refunds.push(refund);
      return envelope('0000', ids({ refundTransactionId: refund.id, refundTransactionDate: refund.date }));
    }
  }
}
