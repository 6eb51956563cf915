// Typed calls of the consumer API (packages/server/src/faces/consumer).
import { apiCall, setCsrfToken } from './client.ts';
import type {
  ApproveChoice,
  ApproveResult,
  Currency,
  HistoryItem,
  NewCard,
  OpenedCheckout,
  SessionInfo,
  SessionUser,
  Wallet,
  WalletCard,
} from './types.ts';

const enc = encodeURIComponent;

/** The session (creates one on first visit) and its CSRF token. */
export async function getSession(): Promise<SessionInfo> {
  const s = await apiCall<SessionInfo>('GET', '/api/session');
  setCsrfToken(s.csrfToken);
  return s;
}

/** Sandbox test users to sign in as. */
export async function getTestUsers(): Promise<readonly SessionUser[]> {
  return (await apiCall<{ users: SessionUser[] }>('GET', '/api/session/test-users')).users;
}

/** Signs in as a test user, or creates one (with a display name) and signs in. */
export async function signInSandbox(
  who: { userId: string } | { displayName: string },
): Promise<{ user: SessionUser }> {
  const r = await apiCall<{ user: SessionUser; csrfToken: string }>('POST', '/api/session/sandbox', who);
  setCsrfToken(r.csrfToken);
  return r;
}

/** Signs out. */
export async function signOut(): Promise<void> {
  await apiCall('POST', '/api/session/logout', {});
}

/** One checkout by its reserve id; the first browser to ask is where the payment started. */
export function getCheckout(reserveId: string): Promise<OpenedCheckout> {
  return apiCall<OpenedCheckout>('GET', `/api/checkout/${enc(reserveId)}`);
}

/** The URL of a checkout's server-sent status events. */
export function checkoutEventsUrl(reserveId: string): string {
  return `/api/checkout/${enc(reserveId)}/events`;
}

/** The waiting checkout behind a typed 12-digit access token. */
export async function findByToken(token: string): Promise<string> {
  return (await apiCall<{ reserveId: string }>('GET', `/api/checkout/by-token/${enc(token)}`)).reserveId;
}

/** Cancels a waiting checkout; answers where the browser goes (the cancelUrl). */
export function cancelCheckout(reserveId: string): Promise<{ redirectUrl: string | null }> {
  return apiCall('POST', `/api/checkout/${enc(reserveId)}/cancel`, {});
}

/** Approves a checkout with the chosen method and the PIN. */
export function approveCheckout(reserveId: string, choice: ApproveChoice): Promise<ApproveResult> {
  return apiCall('POST', `/api/pay/${enc(reserveId)}/approve`, choice);
}

/** The signed-in user's balances, points and cards. */
export function getWallet(): Promise<Wallet> {
  return apiCall<Wallet>('GET', '/api/wallet');
}

/** Adds sandbox money to a balance; answers the new wallet. */
export function topUp(currency: Currency, amount: number): Promise<Wallet> {
  return apiCall<Wallet>('POST', '/api/wallet/topup', { currency, amount });
}

/** Saves a card to the wallet. */
export function addCard(card: NewCard): Promise<WalletCard> {
  return apiCall<WalletCard>('POST', '/api/wallet/cards', card);
}

/** Removes a saved card. */
export async function removeCard(cardId: string): Promise<void> {
  await apiCall('DELETE', `/api/wallet/cards/${enc(cardId)}`);
}

/** Sets the payment PIN; changing an existing one needs the current PIN (else `pin_incorrect`). */
export async function setPin(pin: string, currentPin?: string): Promise<void> {
  await apiCall('POST', '/api/wallet/pin', currentPin === undefined ? { pin } : { pin, currentPin });
}

/** One payment of the signed-in user, with its items and refunds (404 for anyone else's). */
export function getReceipt(transactionId: string): Promise<HistoryItem> {
  return apiCall<HistoryItem>('GET', `/api/wallet/receipts/${enc(transactionId)}`);
}

/** Payments and refunds, newest first. */
export async function getHistory(): Promise<readonly HistoryItem[]> {
  return (await apiCall<{ items: HistoryItem[] }>('GET', '/api/wallet/history')).items;
}
