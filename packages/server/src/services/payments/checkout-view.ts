import { type Currency, effectiveStatus, type PaymentStatus } from '@jinliu/core';
import { findChannel, findPaymentByAccessToken, findPaymentByReserveId, type PaymentRow } from '@jinliu/db';
import { confirmRedirect } from './approval.ts';
import type { PaymentDeps } from './deps.ts';
import { type StoredRequest, storedPackages } from './request-codec.ts';

/** Where a checkout is, in the shopper's terms. */
export type CheckoutStatus = 'WAITING' | 'APPROVED' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED' | 'FAILED';

/** Everything the hosted checkout pages show about one payment. */
export interface CheckoutView {
  readonly reserveId: string;
  readonly transactionId: bigint;
  readonly orderId: string;
  readonly merchantName: string;
  readonly amount: bigint;
  readonly currency: Currency;
  readonly products: ReadonlyArray<{ name: string; quantity: number; price: bigint; imageUrl?: string }>;
  readonly status: CheckoutStatus;
  readonly accessToken: string;
  readonly expiresAt: Date;
  readonly locale: string;
  readonly confirmUrlType: 'CLIENT' | 'SERVER' | 'NONE';
  readonly checkConfirmUrlBrowser: boolean;
  /** Where the desktop page goes now (confirmUrl after approval, cancelUrl after cancel), if anywhere. */
  readonly redirectUrl: string | null;
  readonly cancelUrl: string;
  readonly payType: 'NORMAL' | 'PREAPPROVED';
  /** The platform time the view was made at (the sandbox clock may run ahead of real time). */
  readonly serverTime: Date;
}

function statusOf(status: PaymentStatus): CheckoutStatus {
  switch (status) {
    case 'REQUESTED':
      return 'WAITING';
    case 'AUTHENTICATED':
      return 'APPROVED';
    case 'CANCELLED':
      return 'CANCELLED';
    case 'EXPIRED':
      return 'EXPIRED';
    case 'FAILED':
      return 'FAILED';
    default:
      return 'COMPLETED';
  }
}

/** Builds the view from a payment row. */
export async function viewOf(deps: PaymentDeps, p: PaymentRow): Promise<CheckoutView> {
  const request = p.request as StoredRequest;
  const status = statusOf(effectiveStatus(p, deps.clock.now()));
  const channel = await findChannel(deps.db, p.channelId);
  return {
    reserveId: p.reserveId ?? '',
    transactionId: p.transactionId,
    orderId: p.orderId,
    merchantName: channel?.merchantName ?? '',
    amount: p.amount,
    currency: p.currency,
    products: storedPackages(request).flatMap((pkg) =>
      pkg.products.map((x) => ({
        name: x.name,
        quantity: x.quantity,
        price: x.price,
        ...(x.imageUrl ? { imageUrl: x.imageUrl } : {}),
      })),
    ),
    status,
    accessToken: p.accessToken ?? '',
    expiresAt: p.expiresAt,
    locale: request.locale ?? 'en',
    confirmUrlType: request.redirectUrls?.confirmUrlType ?? 'CLIENT',
    checkConfirmUrlBrowser: request.checkConfirmUrlBrowser ?? false,
    redirectUrl:
      status === 'APPROVED' || status === 'COMPLETED'
        ? confirmRedirect(p)
        : status === 'CANCELLED'
          ? (request.redirectUrls?.cancelUrl ?? null)
          : null,
    cancelUrl: request.redirectUrls?.cancelUrl ?? '',
    payType: p.payType,
    serverTime: deps.clock.now(),
  };
}

/** The checkout of a reserve id (the capability in paymentUrl). */
export async function checkoutByReserveId(
  deps: PaymentDeps,
  reserveId: string,
): Promise<CheckoutView | undefined> {
  const p = await findPaymentByReserveId(deps.db, reserveId);
  return p?.reserveId ? viewOf(deps, p) : undefined;
}

/** The reserve id behind a 12-digit access token the shopper typed, while the payment waits. */
export async function reserveIdByAccessToken(deps: PaymentDeps, token: string): Promise<string | undefined> {
  if (!/^\d{12}$/.test(token)) {
    return undefined;
  }
  const p = await findPaymentByAccessToken(deps.db, token);
  return p && effectiveStatus(p, deps.clock.now()) === 'REQUESTED' ? (p.reserveId ?? undefined) : undefined;
}
