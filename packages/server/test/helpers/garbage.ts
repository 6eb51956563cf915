import { rawNumber } from '@jinliu/core';
import fc from 'fast-check';
import { requestBody } from './test-app.ts';

type Body = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Property-based: validly signed garbage on every endpoint never breaks the envelope.

export const seed = Number(process.env.JINLIU_FC_SEED ?? 20261123);
export const numRuns = Number(process.env.JINLIU_FC_RUNS ?? 150);

/** One generated request: the target as sent (path + query) and the body bytes (undefined = none). */
export interface Garbage {
  readonly target: string;
  readonly body?: string | undefined;
}

export const encodable = (s: string) => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

/** Any string, from printable ASCII to full Unicode. */
export const anyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

/** Number literals JSON.parse turns into awkward values: huge, tiny, negative zero, long fractions. */
export const numberText = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^(0|[1-9]\d{0,24})$/),
    fc.option(fc.stringMatching(/^\d{1,12}$/), { nil: undefined }),
    fc.option(fc.integer({ min: -400, max: 400 }), { nil: undefined }),
  )
  .map(
    ([negative, whole, fraction, exponent]) =>
      `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}${exponent === undefined ? '' : `e${exponent}`}`,
  );

/** A JSON-able value of any type. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  numberText.map((t) => rawNumber(t)),
  anyString,
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    '',
    [],
    {},
    'TWD',
    '1000',
    1e21,
    Number.MAX_SAFE_INTEGER + 2,
  ),
  fc.double(),
);

export const amountish = fc.oneof(
  fc.integer({ min: -10, max: 2000 }),
  numberText.map((t) => rawNumber(t)),
  junk,
);
export const currencyish = fc.oneof(fc.constantFrom('TWD', 'USD', 'JPY', 'THB', 'twd', 'TWD '), junk);

export const deleted = Symbol('deleted');

/** Paths into a request body that a mutation may replace or delete. */
export const requestPaths: ReadonlyArray<ReadonlyArray<string | number>> = [
  ['amount'],
  ['currency'],
  ['orderId'],
  ['packages'],
  ['packages', 0],
  ['packages', 0, 'id'],
  ['packages', 0, 'amount'],
  ['packages', 0, 'userFee'],
  ['packages', 0, 'name'],
  ['packages', 0, 'products'],
  ['packages', 0, 'products', 0],
  ['packages', 0, 'products', 0, 'name'],
  ['packages', 0, 'products', 0, 'quantity'],
  ['packages', 0, 'products', 0, 'price'],
  ['packages', 0, 'products', 0, 'imageUrl'],
  ['packages', 0, 'products', 0, 'originalPrice'],
  ['redirectUrls'],
  ['redirectUrls', 'confirmUrl'],
  ['redirectUrls', 'cancelUrl'],
  ['redirectUrls', 'confirmUrlType'],
  ['redirectUrls', 'appPackageName'],
  ['options'],
  ['options', 'payment'],
  ['options', 'payment', 'capture'],
  ['options', 'payment', 'payType'],
  ['options', 'display', 'locale'],
  ['options', 'display', 'checkConfirmUrlBrowser'],
  ['options', 'shipping'],
  ['options', 'shipping', 'feeAmount'],
  ['options', 'extra', 'branchName'],
];

/**
 * Sets (or deletes) the value at `path`, copying every object on the way: generated values
 * are shared between runs and while shrinking, so they must never be modified in place.
 */
export function setPath(target: Body, path: ReadonlyArray<string | number>, value: unknown): void {
  let at: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (next !== undefined && (typeof next !== 'object' || next === null)) {
      return;
    }
    const copy = (next === undefined ? {} : Array.isArray(next) ? [...next] : { ...(next as Body) }) as Body;
    at[key] = copy;
    at = copy;
  }
  const last = path.at(-1);
  if (last === undefined) {
    return;
  }
  if (value === deleted) {
    delete at[last];
  } else {
    at[last] = value;
  }
}

/** A valid request with up to three fields replaced by junk or deleted. */
export const mutatedRequest = fc
  .tuple(
    fc.integer({ min: 1, max: 5000 }),
    fc.nat(),
    fc.array(fc.tuple(fc.constantFrom(...requestPaths), fc.oneof(junk, amountish, fc.constant(deleted))), {
      maxLength: 3,
    }),
    fc.boolean(),
  )
  .map(([amount, tag, edits, authorizeOnly]) => {
    const body = structuredClone(requestBody(`fuzz-${tag}`, amount, { capture: !authorizeOnly })) as Body;
    for (const [path, value] of edits) {
      setPath(body, path, value);
    }
    return body;
  });

/** Objects shaped roughly like a request, every field of any type. */
export const requestShaped = fc.record(
  {
    amount: amountish,
    currency: currencyish,
    orderId: fc.oneof(anyString, junk),
    packages: fc.oneof(
      fc.array(
        fc.record(
          {
            id: fc.oneof(anyString, junk),
            amount: amountish,
            userFee: amountish,
            name: fc.oneof(anyString, junk),
            products: fc.oneof(
              fc.array(
                fc.record(
                  { name: fc.oneof(anyString, junk), quantity: amountish, price: amountish, imageUrl: junk },
                  { requiredKeys: [] },
                ),
                { maxLength: 3 },
              ),
              junk,
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      junk,
    ),
    redirectUrls: fc.oneof(
      fc.record(
        {
          confirmUrl: fc.oneof(fc.webUrl(), anyString, junk),
          cancelUrl: fc.oneof(fc.webUrl(), anyString, junk),
          confirmUrlType: fc.oneof(fc.constantFrom('CLIENT', 'SERVER', 'NONE'), junk),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    options: fc.oneof(
      fc.record(
        {
          payment: fc.oneof(
            fc.record(
              { capture: junk, payType: fc.oneof(fc.constantFrom('NORMAL', 'PREAPPROVED'), junk) },
              { requiredKeys: [] },
            ),
            junk,
          ),
          display: fc.oneof(fc.record({ locale: junk }, { requiredKeys: [] }), junk),
          shipping: fc.oneof(fc.record({ feeAmount: amountish }, { requiredKeys: [] }), junk),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
  },
  { requiredKeys: [] },
);

/** Amounts near the fixtures' 1000, written in every way JSON allows. */
export const nearAmount = fc.oneof(
  fc.constantFrom(1000, 999, 1001, 100, 1, 0, -1000, 1000.5),
  fc.constantFrom('1e3', '1000.0', '1000.00', '1E3', '0.1e4', '10000e-1').map((t) => rawNumber(t)),
);
export const amountShaped = fc.oneof(
  fc.record({ amount: nearAmount, currency: fc.constantFrom('TWD', 'TWD', 'USD') }),
  fc.record({ amount: amountish, currency: currencyish, extra: junk }, { requiredKeys: [] }),
);
export const refundShaped = fc.oneof(
  fc.record({ refundAmount: fc.oneof(nearAmount, fc.integer({ min: -5, max: 1200 })) }),
  fc.record({ refundAmount: amountish }, { requiredKeys: [] }),
);
export const preapprovedShaped = fc.oneof(
  fc.record({
    productName: fc.string({ minLength: 1, maxLength: 20 }),
    amount: fc.oneof(fc.integer({ min: -1, max: 300 }), nearAmount),
    currency: fc.constantFrom('TWD', 'TWD', 'USD'),
    orderId: fc.nat().map((n) => `fz-pre-${n}`),
    capture: fc.boolean(),
  }),
  fc.record(
    {
      productName: fc.oneof(anyString, junk),
      amount: amountish,
      currency: currencyish,
      orderId: fc.oneof(anyString, junk),
      capture: junk,
    },
    { requiredKeys: [] },
  ),
);

/** Body text: a shaped object, any JSON value, any string, or a handful of edge cases (including no body). */
export function bodies(shaped: fc.Arbitrary<unknown>): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 5, arbitrary: shaped.map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: anyString },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        undefined,
        '',
        'null',
        '{}',
        '[]',
        '"x"',
        '0',
        '{"a":1}{',
        '\uFEFF{}',
        '{"__proto__":{"amount":1000,"currency":"TWD"}}',
        '{"constructor":{"prototype":{"amount":1}}}',
        '{"amount":1e999999,"currency":"TWD"}',
        `[${'['.repeat(5000)}${']'.repeat(5000)}]`,
      ),
    },
  );
}

/** A path segment: real ids, ids that almost look real, and anything at all (encoded, or raw when unsafe). */
export function segments(real: readonly string[], lookalike: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real) },
    { weight: 3, arbitrary: lookalike },
    {
      weight: 3,
      arbitrary: anyString.filter((s) => s !== '.' && s !== '..' && encodable(s)).map(encodeURIComponent),
    },
    { weight: 1, arbitrary: fc.stringMatching(/^\d{1,150}$/) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '%', '%zz', '%E0%A4%A', '%00', '%2F', '%2e%2e%2F', 'a;b', '*', '~'),
    },
  );
}

export const transactionIdLookalike = fc.oneof(
  fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String),
  fc.constantFrom('0', '-1', '00000000000000000001', '9223372036854775808', '1e3', '0x10'),
);
export const regKeyLookalike = fc.oneof(
  fc.stringMatching(/^RK[A-Z0-9]{13}$/),
  fc.constantFrom('RK', 'rk9A2BA1937EQTO', 'RK9A2BA1937EQTOXY'),
);

/** A query string: pairs of known and unknown keys with real, lookalike and random values, variously encoded. */
export function queries(real: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    fc.constantFrom(
      'transactionId',
      'orderId',
      'fields',
      'transactionId[]',
      'transactionId[0]',
      'orderId[]',
      'creditCardAuth',
    ),
    anyString,
  );
  const value = fc.oneof(
    fc.constantFrom(...real, 'ALL', 'ORDER', 'TRANSACTION', 'true', 'false', ''),
    transactionIdLookalike,
    fc
      .array(fc.oneof(fc.constantFrom(...real), transactionIdLookalike), { minLength: 2, maxLength: 5 })
      .map((ids) => ids.join(',')),
    anyString,
  );
  const pair = fc
    .tuple(key, value, fc.boolean())
    .map(([k, v, raw]) =>
      raw || !encodable(k) || !encodable(v)
        ? `${k}=${v}`
        : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
    );
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.join('&')) },
    { weight: 1, arbitrary: anyString },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: 101 }, (_, i) => `orderId=o${i}`).join('&')) },
  );
}

export const stackTrace = /\bat (?:\S+ )?\(?(?:file:\/\/|node:|\/)\S*:\d+:\d+/;
