// LINE Pay sends 19-digit ids as bare JSON integers, beyond Number's 2^53. Node 20's JSON.parse
// has no access to the source text of a number, so integers of 16+ digits are quoted in the raw
// text (outside strings only) before parsing, and id fields are then turned into bigint.

/** Field names whose values are transaction ids and become bigint. */
export const idFields: ReadonlySet<string> = new Set([
  'transactionId',
  'refundTransactionId',
  'originalTransactionId',
]);

/** Integers with this many digits or more may not fit a double exactly, so they are kept as text. */
const minQuotedDigits = 16;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Copies JSON text, wrapping every integer literal of 16+ digits that stands outside a string
 * in double quotes. Decimals and exponents are left alone; the text is otherwise unchanged.
 */
export function quoteLongIntegers(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Skip the whole string literal, honouring backslash escapes.
      i++;
      while (i < n) {
        const s = text.charCodeAt(i);
        if (s === 92 /* \ */) {
          i += 2;
        } else if (s === 34) {
          i++;
          break;
        } else {
          i++;
        }
      }
      continue;
    }
    if (c === 45 /* - */ || isDigit(c)) {
      const start = i;
      if (c === 45) {
        i++;
      }
      while (i < n && isDigit(text.charCodeAt(i))) {
        i++;
      }
      const digits = i - start - (c === 45 ? 1 : 0);
      let integer = true;
      while (i < n) {
        const f = text.charCodeAt(i);
        if (f === 46 /* . */ || f === 101 /* e */ || f === 69 /* E */ || f === 43 /* + */ || f === 45) {
          integer = false;
          i++;
        } else if (isDigit(f)) {
          i++;
        } else {
          break;
        }
      }
      if (integer && digits >= minQuotedDigits) {
        out += `${text.slice(copiedUpTo, start)}"${text.slice(start, i)}"`;
        copiedUpTo = i;
      }
      continue;
    }
    i++;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Turns a transaction id value (digits as string, or a safe integer) into a bigint, or undefined. */
export function idToBigInt(v: unknown): bigint | undefined {
  if (typeof v === 'string' && /^\d{1,19}$/.test(v)) {
    return BigInt(v);
  }
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) {
    return BigInt(v);
  }
  return undefined;
}

function convertIds(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(convertIds);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const id = idFields.has(k) ? idToBigInt(v) : undefined;
      out[k] = id ?? convertIds(v);
    }
    return out;
  }
  return value;
}

/**
 * Parses a LINE Pay response body without losing id precision: `transactionId`,
 * `refundTransactionId` and `originalTransactionId` come out as bigint wherever they appear;
 * any other integer of 16+ digits comes out as its exact decimal string. Throws SyntaxError on
 * text that is not JSON.
 */
export function parseLosslessJson(text: string): unknown {
  return convertIds(JSON.parse(quoteLongIntegers(text)));
}
