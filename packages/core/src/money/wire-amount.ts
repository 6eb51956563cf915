import { fail, ok, type Result } from '../errors/index.ts';
import { type Currency, exponentOf } from './currency.ts';

/** The largest magnitude accepted on the wire, in major units (12 digits). */
export const maxMajorAmount = 999_999_999_999n;

const decimalPattern = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * Converts a wire amount (major units, a JSON number, or a numeric string where the
 * reference allows one) into integer minor units without ever doing float arithmetic.
 * Wrong scale → 1124; not a number or out of range → 2101.
 */
export function parseWireAmount(value: unknown, currency: Currency, field = 'amount'): Result<bigint> {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      return fail('2101', `${field} must be a finite number`);
    }
    // Number#toString gives the shortest text that round-trips, so 10.25 stays "10.25".
    text = String(value);
  } else if (typeof value === 'string' && value.length <= 40) {
    text = value.trim();
  } else {
    return fail('2101', `${field} must be a number`);
  }
  const match = decimalPattern.exec(text);
  if (!match) {
    return fail('2101', `${field} must be a number`);
  }
  const [, sign, intPart = '0', fracPartRaw = '', expRaw] = match;
  const shift = expRaw === undefined ? 0 : Number(expRaw);
  if (!Number.isSafeInteger(shift) || Math.abs(shift) > 40) {
    return fail('2101', `${field} is out of range`);
  }
  // Move the decimal point by the exponent, then split into whole and fraction digits.
  let digits = intPart + fracPartRaw;
  let pointAt = intPart.length + shift;
  if (pointAt < 0) {
    digits = '0'.repeat(-pointAt) + digits;
    pointAt = 0;
  }
  if (pointAt > digits.length) {
    digits = digits + '0'.repeat(pointAt - digits.length);
  }
  const whole = digits.slice(0, pointAt) || '0';
  const fraction = digits.slice(pointAt).replace(/0+$/, '');
  const exponent = exponentOf(currency);
  if (fraction.length > exponent) {
    return fail('1124', `${field} has more decimal places than ${currency} allows (${exponent})`);
  }
  const wholeValue = BigInt(whole);
  if (wholeValue > maxMajorAmount) {
    return fail('2101', `${field} is out of range`);
  }
  const minor = wholeValue * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, '0') || '0');
  return ok(sign ? -minor : minor);
}

/** Formats minor units as the exact major-unit decimal text written to the wire ("10.25", "-20"). */
export function formatWireAmount(minor: bigint, currency: Currency): string {
  const exponent = exponentOf(currency);
  const negative = minor < 0n;
  const magnitude = (negative ? -minor : minor).toString();
  if (exponent === 0) {
    return (negative ? '-' : '') + magnitude;
  }
  const padded = magnitude.padStart(exponent + 1, '0');
  const whole = padded.slice(0, -exponent);
  const fraction = padded.slice(-exponent).replace(/0+$/, '');
  return (negative ? '-' : '') + whole + (fraction ? `.${fraction}` : '');
}
