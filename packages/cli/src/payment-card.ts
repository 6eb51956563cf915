// The human form of `jinliu payments show`: a small card per payment from the ops answer.
import { paint } from './output.ts';

/** A payment as the operator API answers it (the fields the card shows). */
export interface OpsPayment {
  readonly transactionId: bigint;
  readonly orderId: string;
  readonly state: string;
  readonly channel: { readonly channelId: bigint | number; readonly name: string | null };
  readonly merchant: { readonly merchantId: string; readonly name: string | null };
  readonly productName: string;
  readonly payType: string;
  readonly capture: boolean;
  readonly currency: string;
  readonly amountMinor: bigint | number;
  readonly capturedAmountMinor: bigint | number;
  readonly refundedAmountMinor: bigint | number;
  readonly userId: string | null;
  readonly payMethods: ReadonlyArray<{
    readonly method: string;
    readonly amountMinor: bigint | number;
    readonly card: { readonly brand: string; readonly last4: string } | null;
  }>;
  readonly regKey: string | null;
  readonly failureCode: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly approvedAt: string | null;
  readonly confirmedAt: string | null;
  readonly authExpiresAt: string | null;
  readonly capturedAt: string | null;
  readonly closedAt: string | null;
  readonly refunds: ReadonlyArray<{
    readonly refundTransactionId: bigint;
    readonly type: string;
    readonly amountMinor: bigint | number;
    readonly createdAt: string;
  }>;
  readonly ledger: ReadonlyArray<{
    readonly entryId: bigint | number;
    readonly kind: string;
    readonly currency: string;
    readonly createdAt: string;
    readonly postings: ReadonlyArray<{ readonly account: string; readonly amountMinor: bigint | number }>;
  }>;
}

const exponents: Readonly<Record<string, number>> = { TWD: 0, JPY: 0, USD: 2, THB: 2 };

/** `1234567` minor TWD → `1,234,567 TWD`; `1050` minor USD → `10.50 USD` (exact, no floats). */
export function formatMoney(minor: bigint | number, currency: string, signed = false): string {
  const value = BigInt(minor);
  const exponent = exponents[currency] ?? 0;
  const digits = (value < 0n ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = exponent > 0 ? `.${digits.slice(-exponent)}` : '';
  const sign = value < 0n ? '-' : signed && value > 0n ? '+' : '';
  return `${sign}${whole}${fraction} ${currency}`;
}

function stateColour(state: string): 'green' | 'yellow' | 'red' | 'gray' {
  switch (state) {
    case 'CAPTURED':
    case 'AUTHORIZED':
      return 'green';
    case 'REQUESTED':
    case 'AUTHENTICATED':
      return 'yellow';
    case 'FAILED':
      return 'red';
    default:
      return 'gray';
  }
}

function time(iso: string | null): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—';
}

/** The lines of one payment's card. */
export function paymentCard(p: OpsPayment): string[] {
  const row = (label: string, value: string) => `  ${label.padEnd(11)}${value}`;
  const money = (minor: bigint | number) => formatMoney(minor, p.currency);
  const lines = [
    `${paint('bold', `Payment ${p.transactionId}`)}  ${paint(stateColour(p.state), p.state)}`,
    row('Order', `${p.orderId}  (${p.productName})`),
    row(
      'Merchant',
      `${p.merchant.merchantId}${p.merchant.name ? ` ${p.merchant.name}` : ''} · channel ${p.channel.channelId}${
        p.channel.name ? ` "${p.channel.name}"` : ''
      }`,
    ),
    row(
      'Amount',
      `${money(p.amountMinor)} · captured ${money(p.capturedAmountMinor)} · refunded ${money(p.refundedAmountMinor)}`,
    ),
    row('Mode', `${p.payType}, ${p.capture ? 'captured at confirm' : 'authorize only (capture later)'}`),
  ];
  if (p.payMethods.length > 0) {
    const parts = p.payMethods.map(
      (m) => `${m.method}${m.card ? ` ${m.card.brand} •••• ${m.card.last4}` : ''} ${money(m.amountMinor)}`,
    );
    lines.push(row('Paid with', parts.join(' + ')));
  }
  if (p.userId) {
    lines.push(row('User', p.userId));
  }
  if (p.regKey) {
    lines.push(row('regKey', p.regKey));
  }
  if (p.failureCode) {
    lines.push(row('Failure', paint('red', p.failureCode)));
  }
  const times: Array<[string, string | null]> = [
    ['requested', p.createdAt],
    ['approved', p.approvedAt],
    ['confirmed', p.confirmedAt],
    ['captured', p.capturedAt],
    ['closed', p.closedAt],
  ];
  lines.push(
    row(
      'Times',
      times
        .filter(([, at]) => at)
        .map(([what, at]) => `${what} ${time(at)}`)
        .join(' · '),
    ),
  );
  if (p.state === 'REQUESTED' || p.state === 'AUTHENTICATED') {
    lines.push(row('Expires', time(p.expiresAt)));
  } else if (p.state === 'AUTHORIZED' && p.authExpiresAt) {
    lines.push(row('Auth until', time(p.authExpiresAt)));
  }
  if (p.refunds.length > 0) {
    lines.push('', '  Refunds');
    for (const r of p.refunds) {
      lines.push(
        `    ${r.refundTransactionId}  ${r.type.padEnd(15)} ${money(r.amountMinor).padStart(16)}  ${time(r.createdAt)}`,
      );
    }
  }
  lines.push('', '  Ledger');
  if (p.ledger.length === 0) {
    lines.push(paint('dim', '    no money has moved'));
  }
  for (const e of p.ledger) {
    lines.push(`    ${paint('bold', `#${e.entryId} ${e.kind}`)}  ${paint('dim', time(e.createdAt))}`);
    const width = Math.max(...e.postings.map((x) => x.account.length));
    for (const x of e.postings) {
      lines.push(
        `      ${x.account.padEnd(width)}  ${formatMoney(x.amountMinor, e.currency, true).padStart(18)}`,
      );
    }
  }
  return lines;
}
