// Amounts inside the shop are integer minor units (bigint); LINE Pay's wire uses JSON numbers in
// major units. These two functions are the only place one becomes the other.

const exponents: Readonly<Record<string, number>> = { TWD: 0, JPY: 0, USD: 2, THB: 2 };

function exponentOf(currency: string): number {
  const e = exponents[currency];
  if (e === undefined) {
    throw new Error(`unsupported currency ${currency}`);
  }
  return e;
}

/** A minor-unit amount as LINE Pay's wire number (NT$299 → 299, US$19.99 → 19.99). */
export function toWire(minor: bigint, currency: string): number {
  const e = exponentOf(currency);
  return e === 0 ? Number(minor) : Number(minor) / 10 ** e;
}

/** A wire amount back in minor units; throws when it has more decimals than the currency. */
export function fromWire(amount: number, currency: string): bigint {
  const scaled = amount * 10 ** exponentOf(currency);
  const rounded = Math.round(scaled);
  if (!Number.isFinite(amount) || Math.abs(scaled - rounded) > 1e-6) {
    throw new Error(`${amount} is not a whole amount of ${currency} minor units`);
  }
  return BigInt(rounded);
}
