// Card number helpers for the add-card form (the server checks everything again).

/** Card brands the platform accepts. */
export type Brand = 'VISA' | 'MASTER' | 'AMEX' | 'JCB' | 'DINERS';

/** The brand of a (partial) card number, as the platform detects it. */
export function brandOf(digits: string): Brand | undefined {
  const n2 = Number(digits.slice(0, 2));
  const n3 = Number(digits.slice(0, 3));
  const n4 = Number(digits.slice(0, 4));
  if (digits.startsWith('4')) {
    return 'VISA';
  }
  if ((digits.length >= 2 && n2 >= 51 && n2 <= 55) || (digits.length >= 4 && n4 >= 2221 && n4 <= 2720)) {
    return 'MASTER';
  }
  if (digits.length >= 2 && (n2 === 34 || n2 === 37)) {
    return 'AMEX';
  }
  if (digits.length >= 4 && n4 >= 3528 && n4 <= 3589) {
    return 'JCB';
  }
  if ((digits.length >= 3 && n3 >= 300 && n3 <= 305) || (digits.length >= 2 && (n2 === 36 || n2 === 38))) {
    return 'DINERS';
  }
  return undefined;
}

/** How many digits a brand's numbers have. */
export function numberLength(brand: Brand | undefined): number {
  return brand === 'AMEX' ? 15 : brand === 'DINERS' ? 14 : 16;
}

/** How many digits the brand's security code has (4 for AMEX, else 3). */
export function cvcLength(brand: Brand | undefined): number {
  return brand === 'AMEX' ? 4 : 3;
}

/** Groups a number the way it is printed: AMEX 4-6-5, Diners 4-6-4, others 4-4-4-4. */
export function formatCardNumber(digits: string): string {
  const brand = brandOf(digits);
  const groups = brand === 'AMEX' || brand === 'DINERS' ? [4, 6, 5] : [4, 4, 4, 4];
  const out: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) {
      break;
    }
    out.push(digits.slice(at, at + size));
    at += size;
  }
  return out.join(' ');
}

/** The Luhn checksum every card number carries. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Reads "MM/YY" into a month and a four-digit year; undefined when it is not a date. */
export function parseExpiry(text: string): { month: number; year: number } | undefined {
  const m = /^(\d{2})\/?(\d{2})$/.exec(text.replace(/\s/g, ''));
  if (!m) {
    return undefined;
  }
  const month = Number(m[1]);
  return month >= 1 && month <= 12 ? { month, year: 2000 + Number(m[2]) } : undefined;
}

/** Formats typed expiry digits as "MM/YY". */
export function formatExpiry(input: string): string {
  const digits = input.replace(/\D/g, '').slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}
