import { brandOf, type Currency, fail, luhnValid, normaliseCardNumber, ok, type Result } from '@jinliu/core';
import {
  type CardRow,
  cardsOf,
  findChannel,
  findPaymentById,
  findUser,
  ownerBalances,
  type PaymentRow,
  paymentsOfUser,
  type RefundRow,
  refundsOf,
  removeCard,
} from '@jinliu/db';
import { type PaymentDeps, saveCard } from './payments/index.ts';
import { setBalance } from './sandbox.ts';

/** A saved card as the wallet shows it (never the number). */
export interface WalletCard {
  readonly cardId: bigint;
  readonly brand: string;
  readonly last4: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly nickname: string;
}

/** The wallet's home screen. */
export interface WalletView {
  readonly user: { userId: string; displayName: string };
  readonly balances: ReadonlyArray<{ currency: Currency; amount: bigint }>;
  readonly points: ReadonlyArray<{ currency: Currency; amount: bigint }>;
  readonly cards: readonly WalletCard[];
}

function card(c: CardRow): WalletCard {
  return {
    cardId: c.cardId,
    brand: c.brand,
    last4: c.last4,
    expMonth: c.expMonth,
    expYear: c.expYear,
    nickname: c.nickname,
  };
}

/** Balances, points and cards of a user. */
export async function walletView(deps: PaymentDeps, userId: string): Promise<WalletView | undefined> {
  const user = await findUser(deps.db, userId);
  if (!user) {
    return undefined;
  }
  const accounts = await ownerBalances(deps.db, userId);
  return {
    user: { userId, displayName: user.displayName },
    balances: accounts
      .filter((a) => a.kind === 'user_balance')
      .map((a) => ({ currency: a.currency, amount: a.balance })),
    points: accounts
      .filter((a) => a.kind === 'user_points')
      .map((a) => ({ currency: a.currency, amount: a.balance })),
    cards: (await cardsOf(deps.db, userId)).map(card),
  };
}

/** One line of the wallet history: a payment with its refunds. */
export interface HistoryItem {
  readonly payment: PaymentRow;
  readonly merchantName: string;
  readonly refunds: readonly RefundRow[];
}

/** The user's payments (newest first) with their refunds, for history and receipts. */
export async function walletHistory(deps: PaymentDeps, userId: string, limit = 50): Promise<HistoryItem[]> {
  const payments = await paymentsOfUser(deps.db, userId, limit);
  const refunds = await refundsOf(
    deps.db,
    payments.map((p) => p.transactionId),
  );
  const names = new Map<bigint, string>();
  for (const p of payments) {
    if (!names.has(p.channelId)) {
      names.set(p.channelId, (await findChannel(deps.db, p.channelId))?.merchantName ?? '');
    }
  }
  return payments.map((payment) => ({
    payment,
    merchantName: names.get(payment.channelId) ?? '',
    refunds: refunds.filter((r) => r.transactionId === payment.transactionId),
  }));
}

/** One payment of the user's, for its receipt (any age). */
export async function walletReceipt(
  deps: PaymentDeps,
  userId: string,
  transactionId: bigint,
): Promise<HistoryItem | undefined> {
  const payment = await findPaymentById(deps.db, transactionId);
  if (!payment || payment.userId !== userId) {
    return undefined;
  }
  const channel = await findChannel(deps.db, payment.channelId);
  return {
    payment,
    merchantName: channel?.merchantName ?? '',
    refunds: await refundsOf(deps.db, [transactionId]),
  };
}

/** A card the shopper types in: validated (Luhn, brand, expiry, CVC shape); the CVC is never kept. */
export interface NewCardInput {
  readonly number: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly cvc: string;
  readonly nickname?: string;
}

/** Adds a card to the wallet's vault. */
export async function addWalletCard(
  deps: PaymentDeps,
  userId: string,
  input: NewCardInput,
): Promise<Result<WalletCard>> {
  const number = normaliseCardNumber(input.number);
  if (!luhnValid(number)) {
    return fail('1295', 'the card number is not valid');
  }
  const brand = brandOf(number);
  if (!brand) {
    return fail('1110', 'this card brand is not accepted (VISA, Mastercard, AMEX, JCB, Diners)');
  }
  if (
    !Number.isInteger(input.expMonth) ||
    input.expMonth < 1 ||
    input.expMonth > 12 ||
    !Number.isInteger(input.expYear)
  ) {
    return fail('1287', 'the expiry date is not valid');
  }
  const now = deps.clock.now();
  const year = input.expYear < 100 ? 2000 + input.expYear : input.expYear;
  if (
    year < now.getUTCFullYear() ||
    (year === now.getUTCFullYear() && input.expMonth < now.getUTCMonth() + 1)
  ) {
    return fail('1287', 'the card has expired');
  }
  if (!(brand === 'AMEX' ? /^\d{4}$/ : /^\d{3}$/).test(input.cvc)) {
    return fail('1293', `the security code must be ${brand === 'AMEX' ? 4 : 3} digits`);
  }
  const nickname = (input.nickname ?? '').slice(0, 40);
  const saved = await deps.db.transaction((tx) =>
    saveCard(tx, deps, userId, number, input.expMonth, year, nickname),
  );
  return saved.ok ? ok(card(saved.value)) : saved;
}

/** Removes a card from the wallet. */
export async function removeWalletCard(
  deps: PaymentDeps,
  userId: string,
  cardId: bigint,
): Promise<Result<null>> {
  return (await removeCard(deps.db, userId, cardId, deps.clock.now()))
    ? ok(null)
    : fail('1110', 'no such card');
}

/** Sandbox top-up: adds to the balance through a balanced entry against sandbox funding. */
export async function topUp(
  deps: PaymentDeps,
  userId: string,
  currency: Currency,
  amount: bigint,
): Promise<Result<null>> {
  if (amount <= 0n || amount > 100_000_000n) {
    return fail('2101', 'the top-up amount must be positive and at most 100,000,000 minor units');
  }
  const funding = await deps.accounts.funding(currency);
  await deps.db.transaction(async (tx) => {
    const current = (await ownerBalances(tx, userId)).find(
      (a) => a.kind === 'user_balance' && a.currency === currency,
    );
    await setBalance(tx, deps, funding, userId, 'user_balance', currency, (current?.balance ?? 0n) + amount);
  });
  return ok(null);
}
