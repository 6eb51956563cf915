/** Currencies the LINE Pay faces accept, with their minor-unit exponents. */
export const currencies = {
  TWD: { exponent: 0 },
  JPY: { exponent: 0 },
  USD: { exponent: 2 },
  THB: { exponent: 2 },
} as const;

/** An ISO 4217 code this platform supports. */
export type Currency = keyof typeof currencies;

/** True when `value` is a supported currency code. */
export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && Object.hasOwn(currencies, value);
}

/** The number of minor-unit digits of a currency (TWD 0, USD 2). */
export function exponentOf(currency: Currency): number {
  return currencies[currency].exponent;
}
