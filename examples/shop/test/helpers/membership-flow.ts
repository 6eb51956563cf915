// The My Card binding as the shop's tests drive it: a wallet user reserves a binding (consumer
// API), the browser opens the shop's binding page, posts its sign-in form, and follows the
// shop's redirect to the platform's callback.
import assert from 'node:assert/strict';
import {
  type BindingLink,
  newUser,
  reserve,
  signedIn,
  type walletBrowser,
} from '../../../../packages/server/test/helpers/mycard.ts';
import type { TestPlatform } from '../../../../packages/server/test/helpers/test-app.ts';
import type { Harness } from './shop-harness.ts';

/** An HTML answer of the shop's binding page. */
export interface PageReply {
  readonly status: number;
  readonly html: string;
  readonly location: string | null;
  readonly headers: Headers;
}

/** The program the shop registered at start. */
export function programIdOf(h: Harness): string {
  const m = h.shop.membership;
  assert.ok('programId' in m, `the shop has a card program (${'unavailable' in m ? m.unavailable : ''})`);
  return m.programId;
}

/** Where the platform would send a browser: the same path on the test platform. */
function onPlatform(url: string): string {
  const u = new URL(url);
  assert.equal(u.origin, 'http://jinliu.test', `a platform URL: ${url}`);
  return u.pathname + u.search;
}

/** GET a URL of the shop (as the browser arriving from the wallet does). */
export async function openPage(url: string): Promise<PageReply> {
  const res = await fetch(url, { redirect: 'manual' });
  return {
    status: res.status,
    html: await res.text(),
    location: res.headers.get('location'),
    headers: res.headers,
  };
}

/** The one-time token of the form the page drew. */
export function formTokenOf(html: string): string {
  const token = /name="formToken" value="([A-Za-z0-9_-]+)"/.exec(html)?.[1];
  assert.ok(token, 'the page draws a form with a one-time token');
  return token;
}

/** Posts the binding page's form (urlencoded, as a browser does). */
export async function postForm(h: Harness, fields: Record<string, string>): Promise<PageReply> {
  const res = await fetch(`${h.shop.url}/membership/bind`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return {
    status: res.status,
    html: await res.text(),
    location: res.headers.get('location'),
    headers: res.headers,
  };
}

/** A wallet user with a balance who has reserved a binding of the shop's program. */
export async function shopperReserves(
  h: Harness,
  name = 'member',
): Promise<{ userId: string; wallet: ReturnType<typeof walletBrowser>; link: BindingLink }> {
  const userId = await newUser(h.platform, name);
  const wallet = await signedIn(h.platform, userId);
  const link = await reserve(wallet, programIdOf(h));
  return { userId, wallet, link };
}

/** The browser follows a redirect to the platform's callback; returns where it is sent next. */
export async function followToWallet(p: TestPlatform, location: string): Promise<string> {
  const res = await p.app.inject({ method: 'GET', url: onPlatform(location) });
  assert.equal(res.statusCode, 303, res.body);
  return String(res.headers.location ?? '');
}

/** The whole binding through the shop's page, signed in as a member; returns the binding id. */
export async function bindThroughShop(
  h: Harness,
  member: { email: string; password: string },
): Promise<{ userId: string; bindingId: string; wallet: ReturnType<typeof walletBrowser> }> {
  const { userId, wallet, link } = await shopperReserves(h);
  const page = await openPage(link.redirectUrl);
  assert.equal(page.status, 200, page.html);
  const signedInAnswer = await postForm(h, {
    formToken: formTokenOf(page.html),
    action: 'signin',
    ...member,
  });
  assert.equal(signedInAnswer.status, 303, signedInAnswer.html);
  const landed = await followToWallet(h.platform, signedInAnswer.location ?? '');
  assert.equal(landed, `/wallet/mycard/cards/${link.bindingId}?result=ACTIVE`);
  return { userId, bindingId: link.bindingId, wallet };
}

/** Pays an order of `lines` as `userId` and comes back to the shop; returns the order as shown. */
export async function payAs(
  h: Harness,
  userId: string,
  lines: ReadonlyArray<{ productId: string; quantity: number }>,
  // biome-ignore lint/suspicious/noExplicitAny: tests read the shop's JSON by its documented shape
): Promise<any> {
  const { transactionId } = await h.checkout(lines);
  const back = await h.returnFrom(await h.approve(transactionId, { userId }));
  assert.equal(back.status, 200, JSON.stringify(back.body));
  return back.body;
}

/** A member's points balance and the points rows of the shop's ledger. */
export async function pointsOf(h: Harness, number: string): Promise<{ balance: number; rows: number }> {
  const [member] = await h.shop.ctx.db.query<{ points: bigint }>(
    'SELECT points FROM members WHERE number = $1',
    [number],
  );
  const [ledger] = await h.shop.ctx.db.query<{ n: bigint }>(
    'SELECT count(*)::bigint AS n FROM member_points WHERE member_number = $1',
    [number],
  );
  return { balance: Number(member?.points ?? -1n), rows: Number(ledger?.n ?? -1n) };
}
