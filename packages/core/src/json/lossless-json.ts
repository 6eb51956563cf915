/**
 * JSON for the wire. 19-digit ids are bigints inside and bare JSON integers outside
 * (LINE Pay emits them unquoted and Go/.NET clients decode them into int64), so they are
 * written with JSON.rawJSON; amounts are written from exact decimal text the same way.
 */

/** A value written verbatim into JSON (an exact number text). */
export type RawJson = RawJSONValue;

/** Marks exact decimal text (e.g. "10.25") to be written as a bare JSON number. */
export function rawNumber(text: string): RawJson {
  return JSON.rawJSON(text);
}

function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? JSON.rawJSON(value.toString()) : value;
}

/** Serialises a value, writing bigints as bare integers. */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, replacer);
}

/** Result of parsing request JSON: the value, or why it is not JSON. */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; reason: string };

/** Parses request JSON; never throws. */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'invalid JSON' };
  }
}
