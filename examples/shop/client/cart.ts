// The cart lives in localStorage, so it survives reloads and the trip to the payment page.
import { useSyncExternalStore } from 'react';

/** One cart line. */
export interface CartLine {
  productId: string;
  quantity: number;
}

const key = 'jinliu-coffee-cart';
const checkoutKey = 'jinliu-coffee-checkout-order';
const changed = 'shop:cart';
/** The most of one product a cart holds (the server checks the same). */
export const maxQuantity = 20;

function read(): CartLine[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (l): l is CartLine =>
            typeof l?.productId === 'string' && Number.isInteger(l?.quantity) && l.quantity > 0,
        )
      : [];
  } catch {
    return [];
  }
}

let cached = '';
let lines: CartLine[] = [];
function snapshot(): CartLine[] {
  const raw = window.localStorage.getItem(key) ?? '[]';
  if (raw !== cached) {
    cached = raw;
    lines = read();
  }
  return lines;
}

function write(next: CartLine[]): void {
  window.localStorage.setItem(key, JSON.stringify(next.filter((l) => l.quantity > 0)));
  window.dispatchEvent(new Event(changed));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(changed, onChange);
  window.addEventListener('storage', onChange); // another tab changed it
  return () => {
    window.removeEventListener(changed, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The cart's lines; re-renders when they change (in this tab or another). */
export function useCart(): CartLine[] {
  return useSyncExternalStore(subscribe, snapshot);
}

/** Adds one (or `quantity`) of a product. */
export function addToCart(productId: string, quantity = 1): void {
  const current = snapshot();
  const line = current.find((l) => l.productId === productId);
  write(
    line
      ? current.map((l) =>
          l.productId === productId ? { ...l, quantity: Math.min(maxQuantity, l.quantity + quantity) } : l,
        )
      : [...current, { productId, quantity: Math.min(maxQuantity, quantity) }],
  );
}

/** Sets a line's quantity (0 removes it). */
export function setQuantity(productId: string, quantity: number): void {
  write(
    snapshot().map((l) =>
      l.productId === productId ? { ...l, quantity: Math.max(0, Math.min(maxQuantity, quantity)) } : l,
    ),
  );
}

/** Empties the cart. */
export function clearCart(): void {
  write([]);
}

/** Remembers which order the cart was sent as, so the cart empties only once that order is paid. */
export function rememberCheckout(orderId: string): void {
  window.localStorage.setItem(checkoutKey, orderId);
}

/** Empties the cart if `orderId` is the order it was sent as. */
export function clearCartFor(orderId: string): void {
  if (window.localStorage.getItem(checkoutKey) === orderId) {
    window.localStorage.removeItem(checkoutKey);
    clearCart();
  }
}
