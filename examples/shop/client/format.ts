// How the shop writes money and dates.

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** NT$1,234 (TWD has no minor unit). */
export function formatNt(amount: number): string {
  return `${amount < 0 ? '−' : ''}NT$${money.format(Math.abs(amount))}`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Taipei',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Asia/Taipei',
});

/** 23 Nov 2026, 09:00 (Taipei time, where the shop is). */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** 23 December 2026. */
export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

/** "Visa •••• 1111", "LINE Pay balance", "Points". */
export function payMethodText(p: {
  method: string;
  creditCardBrand?: string;
  maskedCreditCardNumber?: string;
}): string {
  switch (p.method) {
    case 'CREDIT_CARD': {
      const last4 = p.maskedCreditCardNumber?.slice(-4);
      return `${p.creditCardBrand ?? 'Card'}${last4 ? ` •••• ${last4}` : ''}`;
    }
    case 'BALANCE':
      return 'LINE Pay balance';
    case 'POINT':
      return 'Points';
    default:
      return p.method;
  }
}

/** "Member JC-000123 · +42 points" (points left out until the payment is captured). */
export function membershipText(m: { code: string; points: number | null }): string {
  return `Member ${m.code}${m.points === null ? '' : ` · +${money.format(m.points)} points`}`;
}
