import {
  type Currency,
  effectiveStatus,
  type FundingPart,
  formatWireAmount,
  payStatusOf,
  rawNumber,
} from '@jinliu/core';
import type { PaymentRow } from '@jinliu/db';
import type { Membership } from '../../services/mycard/index.ts';
import { type DetailsItem, type StoredRequest, storedPackages } from '../../services/payments/index.ts';
import type { DetailsFields } from './details-query.ts';
import { wireDate } from './envelope.ts';

/** An amount as a bare JSON number in major units. */
export function amount(minor: bigint, currency: Currency): ReturnType<typeof rawNumber> {
  return rawNumber(formatWireAmount(minor, currency));
}

/** `payInfo[]`: one element per funding part, with card facts for card parts. */
export function payInfo(
  parts: readonly FundingPart[] | null,
  currency: Currency,
  pick: (p: FundingPart) => bigint = (p) => p.amount,
) {
  return (parts ?? []).map((p) => ({
    method: p.method,
    amount: amount(pick(p), currency),
    ...(p.method === 'CREDIT_CARD' && p.card
      ? {
          creditCardNickname: p.card.nickname,
          creditCardBrand: p.card.brand,
          maskedCreditCardNumber: `**** **** **** ${p.card.last4}`,
        }
      : {}),
  }));
}

/** `packages[]` of confirm (`withProducts` = false) and of details (true). */
export function packagesInfo(p: PaymentRow, withProducts: boolean) {
  return storedPackages(p.request as StoredRequest).map((pkg) => ({
    id: pkg.id,
    amount: amount(pkg.amount, p.currency),
    userFeeAmount: amount(pkg.userFee, p.currency),
    ...(pkg.name !== undefined ? { name: pkg.name } : {}),
    ...(withProducts
      ? {
          products: pkg.products.map((x) => ({
            ...(x.id !== undefined ? { id: x.id } : {}),
            name: x.name,
            ...(x.imageUrl !== undefined ? { imageUrl: x.imageUrl } : {}),
            quantity: x.quantity,
            price: amount(x.price, p.currency),
            ...(x.originalPrice !== undefined ? { originalPrice: amount(x.originalPrice, p.currency) } : {}),
          })),
        }
      : {}),
  }));
}

/**
 * `memberships`: the My Card memberships the payer holds at this merchant (documented in
 * docs/compatibility.md). Present only when there is one, so unchanged clients see the
 * answers they always saw.
 */
export function membershipsField(memberships: readonly Membership[]) {
  return memberships.length === 0
    ? {}
    : {
        memberships: memberships.map((m) => ({
          programId: m.programId,
          programName: m.programName,
          membershipCode: m.membershipCode,
          codeType: m.codeType,
          ...(m.groupId !== null ? { groupId: m.groupId } : {}),
        })),
      };
}

/** `info` of a successful confirm. */
export function confirmInfo(p: PaymentRow, memberships: readonly Membership[] = []) {
  return {
    orderId: p.orderId,
    transactionId: p.transactionId,
    ...(p.status === 'AUTHORIZED' && p.authExpiresAt
      ? { authorizationExpireDate: wireDate(p.authExpiresAt) }
      : {}),
    ...(p.regKey ? { regKey: p.regKey } : {}),
    payInfo: payInfo(p.funding, p.currency),
    packages: packagesInfo(p, false),
    ...membershipsField(memberships),
  };
}

/** `info` of a successful capture. */
export function captureInfo(p: PaymentRow, memberships: readonly Membership[] = []) {
  return {
    transactionId: p.transactionId,
    orderId: p.orderId,
    payInfo: payInfo(p.funding, p.currency, (part) => part.captured),
    ...membershipsField(memberships),
  };
}

/** `info[]` of payment details, limited to the asked field groups. */
export function detailsInfo(items: readonly DetailsItem[], fields: DetailsFields, merchantName: string) {
  return items.map((item) => {
    const p = item.payment;
    const transaction = fields !== 'ORDER';
    const order = fields !== 'TRANSACTION';
    if (item.kind === 'refund') {
      const r = item.refund;
      return {
        transactionId: r.refundId,
        orderId: p.orderId,
        ...(transaction
          ? {
              transactionDate: wireDate(r.createdAt),
              transactionType: r.type,
              productName: p.productName,
              merchantName,
              currency: p.currency,
              payInfo: [
                { method: p.funding?.[0]?.method ?? 'BALANCE', amount: amount(-r.amount, p.currency) },
              ],
              originalTransactionId: p.transactionId,
            }
          : {}),
      };
    }
    const status = effectiveStatus(p, item.now);
    return {
      transactionId: p.transactionId,
      orderId: p.orderId,
      ...(transaction
        ? {
            transactionDate: wireDate(p.confirmedAt ?? p.createdAt),
            transactionType: 'PAYMENT',
            payStatus: payStatusOf(status),
            productName: p.productName,
            merchantName,
            currency: p.currency,
            ...(p.authExpiresAt ? { authorizationExpireDate: wireDate(p.authExpiresAt) } : {}),
            payInfo: payInfo(p.funding, p.currency, (part) =>
              status === 'CAPTURED' ? part.captured : part.amount,
            ),
            ...(item.refunds.length > 0
              ? {
                  refundList: item.refunds.map((r) => ({
                    refundTransactionId: r.refundId,
                    transactionType: r.type,
                    refundAmount: amount(-r.amount, p.currency),
                    refundTransactionDate: wireDate(r.createdAt),
                  })),
                }
              : {}),
          }
        : {}),
      ...(order && p.source === 'ONLINE' ? { packages: packagesInfo(p, true) } : {}),
      ...membershipsField(item.memberships),
    };
  });
}
