// Typed calls of the wallet's My Card API (session cookie; the CSRF token on changes).
import { apiCall } from './client.ts';
import type {
  CardPage,
  CardSummary,
  CatalogueProgram,
  Coupon,
  ProgramPage,
  Reservation,
} from './mycard-types.ts';

const enc = encodeURIComponent;

/** The card catalogue; `query` searches program names on the server. */
export async function getPrograms(query: string): Promise<readonly CatalogueProgram[]> {
  const q = query.trim();
  const path = q ? `/api/mycard/programs?q=${enc(q)}` : '/api/mycard/programs';
  return (await apiCall<{ programs: CatalogueProgram[] }>('GET', path)).programs;
}

/** One program with its detail page. */
export function getProgram(programId: string): Promise<ProgramPage> {
  return apiCall<ProgramPage>('GET', `/api/mycard/programs/${enc(programId)}`);
}

/** Reserves a binding; the browser then goes to `redirectUrl` (the merchant's binding page). */
export function reserveBinding(programId: string): Promise<Reservation> {
  return apiCall<Reservation>('POST', `/api/mycard/programs/${enc(programId)}/bindings`, {});
}

/** The shopper's active cards, newest first. */
export async function getMyCards(): Promise<readonly CardSummary[]> {
  return (await apiCall<{ cards: CardSummary[] }>('GET', '/api/mycard/cards')).cards;
}

/** One card of the shopper, with its code and barcode while it is active. */
export function getCard(bindingId: string): Promise<CardPage> {
  return apiCall<CardPage>('GET', `/api/mycard/cards/${enc(bindingId)}`);
}

/** Removes a card (or abandons a pending binding); the merchant is told. */
export async function removeMyCard(bindingId: string): Promise<void> {
  await apiCall('DELETE', `/api/mycard/cards/${enc(bindingId)}`);
}

/** The shopper's campaign coupons, newest first. */
export async function getCoupons(): Promise<readonly Coupon[]> {
  return (await apiCall<{ coupons: Coupon[] }>('GET', '/api/mycard/coupons')).coupons;
}
