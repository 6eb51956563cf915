import type { PaymentRequest, RequestPackage } from '@jinliu/core';

/** The request as kept in the payments.request jsonb column (bigints as strings). */
export interface StoredRequest {
  readonly packages: ReadonlyArray<{
    id: string;
    amount: string;
    userFee: string;
    name?: string;
    products: ReadonlyArray<{
      id?: string;
      name: string;
      imageUrl?: string;
      quantity: number;
      price: string;
      originalPrice?: string;
    }>;
  }>;
  readonly redirectUrls: PaymentRequest['redirectUrls'];
  readonly locale: PaymentRequest['locale'];
  readonly checkConfirmUrlBrowser: boolean;
  readonly shippingFee: string;
  readonly branchName?: string;
}

/** Encodes a validated request for storage. */
export function encodeRequest(r: PaymentRequest): StoredRequest {
  return {
    packages: r.packages.map((p) => ({
      id: p.id,
      amount: p.amount.toString(),
      userFee: p.userFee.toString(),
      ...(p.name !== undefined ? { name: p.name } : {}),
      products: p.products.map((x) => ({
        ...(x.id !== undefined ? { id: x.id } : {}),
        name: x.name,
        ...(x.imageUrl !== undefined ? { imageUrl: x.imageUrl } : {}),
        quantity: x.quantity,
        price: x.price.toString(),
        ...(x.originalPrice !== undefined ? { originalPrice: x.originalPrice.toString() } : {}),
      })),
    })),
    redirectUrls: r.redirectUrls,
    locale: r.locale,
    checkConfirmUrlBrowser: r.checkConfirmUrlBrowser,
    shippingFee: r.shippingFee.toString(),
    ...(r.branchName !== undefined ? { branchName: r.branchName } : {}),
  };
}

/** Decodes the stored packages with amounts as bigints again. */
export function storedPackages(stored: StoredRequest | null | undefined): RequestPackage[] {
  return (stored?.packages ?? []).map((p) => ({
    id: p.id,
    amount: BigInt(p.amount),
    userFee: BigInt(p.userFee),
    ...(p.name !== undefined ? { name: p.name } : {}),
    products: p.products.map((x) => ({
      ...(x.id !== undefined ? { id: x.id } : {}),
      name: x.name,
      ...(x.imageUrl !== undefined ? { imageUrl: x.imageUrl } : {}),
      quantity: x.quantity,
      price: BigInt(x.price),
      ...(x.originalPrice !== undefined ? { originalPrice: BigInt(x.originalPrice) } : {}),
    })),
  }));
}
