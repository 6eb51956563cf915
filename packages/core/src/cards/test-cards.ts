import { type CardErrorCode, cardErrorCodes } from '../errors/index.ts';

/** Card brands as LINE Pay names them in payInfo.creditCardBrand. */
export type CardBrand = 'VISA' | 'MASTER' | 'AMEX' | 'JCB' | 'DINERS';

/** Luhn (mod 10) check over a digit string. */
export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < number.length; i += 1) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The check digit that makes `partial` + digit pass Luhn. */
export function luhnCheckDigit(partial: string): string {
  for (let d = 0; d <= 9; d += 1) {
    if (luhnValid(`${partial}${d}`)) {
      return String(d);
    }
  }
  throw new Error('unreachable');
}

/** Detects the brand from the number's prefix (IIN ranges). */
export function brandOf(number: string): CardBrand | undefined {
  const n2 = Number(number.slice(0, 2));
  const n4 = Number(number.slice(0, 4));
  const n3 = Number(number.slice(0, 3));
  if (number.startsWith('4')) {
    return 'VISA';
  }
  if ((n2 >= 51 && n2 <= 55) || (n4 >= 2221 && n4 <= 2720)) {
    return 'MASTER';
  }
  if (n2 === 34 || n2 === 37) {
    return 'AMEX';
  }
  if (n4 >= 3528 && n4 <= 3589) {
    return 'JCB';
  }
  if ((n3 >= 300 && n3 <= 305) || n2 === 36 || n2 === 38) {
    return 'DINERS';
  }
  return undefined;
}

/** Removes spaces and dashes people type into card numbers. */
export function normaliseCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Test cards that always succeed, one per brand. */
export const successTestCards: ReadonlyArray<{ number: string; brand: CardBrand }> = [
  { number: '4111111111111111', brand: 'VISA' },
  { number: '5555555555554444', brand: 'MASTER' },
  { number: '378282246310005', brand: 'AMEX' },
  { number: '3566002020360505', brand: 'JCB' },
  { number: '36227206271667', brand: 'DINERS' },
];

/** The test card that fails with `code`: 4000 0000 CCCC 000X (the code in the third group). */
export function testCardFor(code: CardErrorCode): string {
  const partial = `40000000${code}000`;
  return partial + luhnCheckDigit(partial);
}

/** Every failing test card with its code, for the README table. */
export const failingTestCards: ReadonlyArray<{ number: string; code: CardErrorCode }> = cardErrorCodes.map(
  (code) => ({ number: testCardFor(code), code }),
);

/** What the simulated card network answers for a card number: approve, or a decline code. */
export function cardNetworkOutcome(number: string): 'approved' | CardErrorCode {
  const match = /^40000000(\d{4})000\d$/.exec(number);
  if (match) {
    const code = match[1] as CardErrorCode;
    if ((cardErrorCodes as readonly string[]).includes(code)) {
      return code;
    }
  }
  return 'approved';
}
