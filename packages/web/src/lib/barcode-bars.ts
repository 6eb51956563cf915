// The bars of a 1D membership barcode, computed by JsBarcode's encoders (its object renderer
// draws nothing: it hands back the module pattern), so React can draw them as one SVG path.
import JsBarcode from 'jsbarcode';

/** The 1D symbologies a card program can use. */
export type LinearFormat = 'CODE128' | 'EAN13';

/** A barcode's modules, left to right: `1` dark, `0` light, quiet zones excluded. */
export interface BarcodeBars {
  readonly modules: string;
  /** Light modules each side that a scanner needs around the symbol. */
  readonly quietZone: number;
}

interface Encoded {
  encodings?: ReadonlyArray<{ data: string }>;
}

// CODE128 asks for 10 modules of quiet zone and EAN-13 for 11 (left) and 7 (right); one
// width that satisfies both keeps the drawing symmetrical.
const quietZone = 11;

/**
 * The modules of `value` in `format`, or undefined when the value cannot be encoded (an EAN-13
 * whose check digit is wrong is refused, never corrected: the counter must read the same
 * number the merchant sent).
 */
export function barcodeBars(format: LinearFormat, value: string): BarcodeBars | undefined {
  if (format === 'EAN13' && !/^\d{13}$/.test(value)) {
    return undefined;
  }
  const target: Encoded = {};
  let valid = false;
  try {
    // `flat` draws EAN-13 as one row of equal bars; the digits are printed below by the page.
    JsBarcode(target, value, {
      format,
      flat: true,
      valid: (ok: boolean) => {
        valid = ok;
      },
    });
  } catch {
    return undefined;
  }
  const modules = (target.encodings ?? []).map((e) => e.data).join('');
  return valid && /^[01]+$/.test(modules) ? { modules, quietZone } : undefined;
}

/** An SVG path of the dark modules (one rectangle per run), `height` units tall, after the quiet zone. */
export function barsPath(bars: BarcodeBars, height: number): string {
  let d = '';
  const m = bars.modules;
  let i = 0;
  while (i < m.length) {
    if (m[i] !== '1') {
      i += 1;
      continue;
    }
    const start = i;
    while (i < m.length && m[i] === '1') {
      i += 1;
    }
    d += `M${start + bars.quietZone} 0h${i - start}v${height}h${start - i}z`;
  }
  return d;
}
