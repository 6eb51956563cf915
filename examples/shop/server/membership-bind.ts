// The binding page's use cases: the wallet sends a shopper here with a signed binding request;
// the shop verifies it before showing anything, the shopper signs in (or joins), the shop calls
// the Apply API with the member's number and sends the browser back to the wallet.
import {
  type BindingOutcome,
  type BindingRequest,
  bindingCallbackUrl,
  isLinePayError,
  type LinePayError,
} from '@jinliu/sdk';
import { issueForm, takeForm } from './bind-forms-store.ts';
import type { MembershipSetup, ShopContext } from './context.ts';
import { createMember, findMemberForSignIn, type MemberRow } from './members-store.ts';
import { hashPassword, verifyNobody, verifyPassword } from './passwords.ts';

/** What the binding page shows next. */
export type BindPage =
  | {
      readonly kind: 'form';
      readonly status: number;
      readonly formToken: string;
      /** The wallet's origin: the form's answer redirects there (CSP form-action). */
      readonly walletOrigin: string;
      readonly demo: boolean;
      readonly error?: string;
      /** Which half of the page the error belongs to, with what the shopper typed (never the password). */
      readonly retry?: {
        readonly action: 'signin' | 'signup';
        readonly email: string;
        readonly name: string;
      };
    }
  | { readonly kind: 'redirect'; readonly location: string }
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly title: string;
      readonly message: string;
      /** A link back to the wallet (to the verified callback with FAIL when there is one). */
      readonly back: string | undefined;
      readonly walletOrigin: string | undefined;
    };

/** A submitted form (application/x-www-form-urlencoded fields). */
export type BindForm = Readonly<Record<string, string | undefined>>;

const walletCards = (m: MembershipSetup) => `${m.walletOrigin}/wallet/mycard`;

function errorPage(
  m: MembershipSetup | undefined,
  status: number,
  title: string,
  message: string,
  back?: string,
): BindPage {
  return {
    kind: 'error',
    status,
    title,
    message,
    back: back ?? (m ? walletCards(m) : undefined),
    walletOrigin: m?.walletOrigin,
  };
}

function back(
  m: MembershipSetup,
  request: BindingRequest,
  status: BindingOutcome,
  callback?: string,
): string {
  return bindingCallbackUrl({
    callback: callback ?? request.callback,
    token: request.token,
    channelId: m.channelId,
    status,
  });
}

async function form(
  ctx: ShopContext,
  m: MembershipSetup,
  request: BindingRequest,
  extra: {
    status?: number;
    error?: string;
    retry?: { action: 'signin' | 'signup'; email: string; name: string };
  } = {},
): Promise<BindPage> {
  const formToken = await issueForm(ctx.db, request, await ctx.clock.now());
  return {
    kind: 'form',
    status: extra.status ?? 200,
    formToken,
    walletOrigin: m.walletOrigin,
    demo: m.demo,
    ...(extra.error ? { error: extra.error } : {}),
    ...(extra.retry ? { retry: extra.retry } : {}),
  };
}

/** GET /membership/bind: verifies the wallet's request (token signed by the program's key) first. */
export async function openBindPage(ctx: ShopContext, url: string): Promise<BindPage> {
  const m = ctx.membership;
  if (!m) {
    return errorPage(
      m,
      503,
      'Membership cards are not available',
      'This shop has no card program right now.',
    );
  }
  let request: BindingRequest;
  try {
    request = await ctx.linePay.mycard.verifyBindingRequest(m.programId, url);
  } catch (e) {
    if (
      isLinePayError(e) &&
      (e.returnCode === 'INVALID_BINDING_TOKEN' || e.returnCode === 'INVALID_ARGUMENT')
    ) {
      ctx.log.warn({ returnCode: e.returnCode }, 'binding link refused');
      // The callback of a request that does not verify is not trusted: the link goes to the wallet.
      return errorPage(
        m,
        400,
        'This link could not be verified',
        'It was not issued by Jinliu Pay for this shop, or it was changed on the way. No card was linked. Start again from your wallet.',
      );
    }
    ctx.log.error({ err: isLinePayError(e) ? e.returnCode : String(e) }, 'binding keys unavailable');
    return errorPage(
      m,
      502,
      'We could not check this link',
      'Jinliu Pay did not answer just now. Please go back to your wallet and try again.',
    );
  }
  if (new URL(request.callback).origin !== m.walletOrigin) {
    return errorPage(
      m,
      400,
      'This link could not be verified',
      'It points to another wallet. No card was linked.',
    );
  }
  return form(ctx, m, request);
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Signs the shopper in, or makes a new member; a page to show again when that fails. */
async function memberFrom(
  ctx: ShopContext,
  m: MembershipSetup,
  request: BindingRequest,
  f: BindForm,
): Promise<MemberRow | BindPage> {
  const action = f.action === 'signup' ? 'signup' : 'signin';
  const email = (f.email ?? '').trim();
  const name = (f.name ?? '').trim();
  const password = f.password ?? '';
  const retry = { action, email: email.slice(0, 254), name: name.slice(0, 60) } as const;
  if (action === 'signin') {
    const found = email && password ? await findMemberForSignIn(ctx.db, email) : undefined;
    const ok = found ? await verifyPassword(password, found.passwordHash) : await verifyNobody(password);
    if (found && ok) {
      return found.member;
    }
    return form(ctx, m, request, {
      status: 401,
      error: 'That e-mail address and password do not match a member. Check them, or join below.',
      retry,
    });
  }
  const problem =
    name.length < 1 || name.length > 60
      ? 'Please give your name (up to 60 characters).'
      : !emailShape.test(email) || email.length > 254
        ? 'Please give a valid e-mail address.'
        : password.length < 6 || password.length > 200
          ? 'Choose a password of at least 6 characters.'
          : undefined;
  if (problem) {
    return form(ctx, m, request, { status: 400, error: problem, retry });
  }
  const created = await createMember(ctx.db, {
    email,
    name,
    passwordHash: await hashPassword(password),
    now: await ctx.clock.now(),
  });
  if (!created) {
    return form(ctx, m, request, {
      status: 409,
      error: 'There is already a member with that e-mail address: sign in above.',
      retry: { ...retry, action: 'signin' },
    });
  }
  ctx.log.info({ member: created.number }, 'member joined');
  return created;
}

/** The Apply codes after which the answer was lost (the Apply may or may not have happened). */
const lost = (e: LinePayError) =>
  e.returnCode === 'TIMEOUT' || e.returnCode === 'NETWORK' || e.returnCode === '9000';

/**
 * Applies the member's number to the binding and picks where the browser goes. After a lost
 * answer the same Apply is sent once more (SDK README): 3103 = the first went through, 3102 =
 * the reservation expired.
 */
async function applyBinding(
  ctx: ShopContext,
  m: MembershipSetup,
  request: BindingRequest,
  member: MemberRow,
): Promise<BindPage> {
  const body = {
    token: request.token,
    membershipCode: member.number,
    displayName: member.name.slice(0, 100),
  };
  let failure: LinePayError | undefined;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    try {
      const applied = await ctx.linePay.mycard.apply(body);
      ctx.log.info({ member: member.number, bindingId: applied.bindingId, attempt }, 'membership applied');
      return { kind: 'redirect', location: back(m, request, 'SUCCESS', applied.callback) };
    } catch (e) {
      if (!isLinePayError(e)) {
        throw e;
      }
      failure = e;
      ctx.log.warn({ member: member.number, returnCode: e.returnCode, attempt }, 'apply did not succeed');
      if (!(attempt === 1 && lost(e))) {
        break;
      }
    }
  }
  const code = failure?.returnCode;
  if (code === '3103') {
    // Only this shop's channel can apply its program's tokens: the earlier Apply went through.
    return { kind: 'redirect', location: back(m, request, 'SUCCESS') };
  }
  if (code === '3102') {
    return { kind: 'redirect', location: back(m, request, 'FAIL') };
  }
  return errorPage(
    m,
    502,
    'Your card could not be linked',
    `Jinliu Pay did not accept the membership (${code ?? 'no answer'}${failure ? `: ${failure.returnMessage}` : ''}). Go back to your wallet and try again.`,
    back(m, request, 'FAIL'),
  );
}

/** POST /membership/bind: the sign-in, join or cancel form, with its one-time token. */
export async function submitBindForm(ctx: ShopContext, f: BindForm): Promise<BindPage> {
  const m = ctx.membership;
  if (!m) {
    return errorPage(
      m,
      503,
      'Membership cards are not available',
      'This shop has no card program right now.',
    );
  }
  const request = await takeForm(ctx.db, f.formToken ?? '', await ctx.clock.now());
  if (!request) {
    return errorPage(
      m,
      400,
      'This form has expired',
      'It was already sent, or it is too old. No card was linked. Start again from your wallet.',
    );
  }
  if (f.action === 'cancel') {
    return { kind: 'redirect', location: back(m, request, 'CANCEL') };
  }
  const member = await memberFrom(ctx, m, request, f);
  return 'kind' in member ? member : applyBinding(ctx, m, request, member);
}
