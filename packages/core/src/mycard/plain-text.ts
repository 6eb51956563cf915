/**
 * True when `text` has a control character (C0, DEL or C1). With `allowBreaks`, line feed,
 * carriage return and tab are allowed, as plain text shown on a page may hold them.
 */
export function hasControlCharacter(text: string, allowBreaks = false): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    if (control && !(allowBreaks && (c === 0x0a || c === 0x0d || c === 0x09))) {
      return true;
    }
  }
  return false;
}
