import { fail, ok, type Result } from '../errors/index.ts';
import { hasControlCharacter } from './plain-text.ts';

/** The barcode symbologies a card program can show its membership codes in. */
export const codeTypes = ['CODE128', 'QR', 'EAN13'] as const;

/** A membership-code symbology. */
export type CodeType = (typeof codeTypes)[number];

/** True when `value` is a supported code type. */
export function isCodeType(value: unknown): value is CodeType {
  return typeof value === 'string' && (codeTypes as readonly string[]).includes(value);
}

/** The EAN-13 check digit of the first 12 digits (weights 1, 3, 1, 3, … from the left). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) {
    throw new RangeError('an EAN-13 check digit needs exactly 12 digits');
  }
  let total = 0;
  for (let i = 0; i < 12; i += 1) {
    total += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  }
  return (10 - (total % 10)) % 10;
}

/** True for 13 digits whose last digit is the EAN-13 check digit of the first 12. */
export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

const maxCode128 = 48;
const maxQr = 256;

/**
 * Checks a membership code against the program's code type: EAN-13 is 13 digits with a
 * valid check digit; CODE128 is 1–48 printable ASCII characters (what every scanner keyboard
 * wedge reproduces); QR is 1–256 characters without control characters. Failure is 3110.
 */
export function validateMembershipCode(codeType: CodeType, code: unknown): Result<string> {
  if (typeof code !== 'string' || code.length === 0) {
    return fail('3110', 'membershipCode must be a non-empty string');
  }
  switch (codeType) {
    case 'EAN13':
      if (!/^\d{13}$/.test(code)) {
        return fail('3110', 'an EAN13 membershipCode is exactly 13 digits');
      }
      return isValidEan13(code)
        ? ok(code)
        : fail('3110', `the EAN13 check digit is wrong (expected ${ean13CheckDigit(code.slice(0, 12))})`);
    case 'CODE128':
      if (code.length > maxCode128 || !/^[\x20-\x7e]+$/.test(code)) {
        return fail('3110', `a CODE128 membershipCode is 1 to ${maxCode128} printable ASCII characters`);
      }
      return ok(code);
    case 'QR':
      if ([...code].length > maxQr || hasControlCharacter(code)) {
        return fail('3110', `a QR membershipCode is 1 to ${maxQr} characters without control characters`);
      }
      return ok(code);
    default:
      return assertNeverCodeType(codeType);
  }
}

/** What a wallet renders for a card at the counter: the symbology and the exact text to encode. */
export interface BarcodePayload {
  readonly format: CodeType;
  readonly value: string;
}

/** The barcode payload of a membership code (the code itself, in the program's symbology). */
export function barcodePayload(codeType: CodeType, code: string): BarcodePayload {
  return { format: codeType, value: code };
}

function assertNeverCodeType(value: never): never {
  throw new TypeError(`unknown code type ${String(value)}`);
}
