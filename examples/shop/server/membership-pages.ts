// The binding page as HTML, drawn on the server: it is shown only after the shop verified the
// wallet's request, and it works without JavaScript (the forms post to the shop).

import { demoMembers } from './members-store.ts';
import type { BindPage } from './membership-bind.ts';
import { clubLogoSvg } from './membership-logo.ts';
import { programName } from './membership-program.ts';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const styles = `
:root{--bg:#fbf7f2;--card:#fff;--ink:#2b1d14;--muted:#7a6a5f;--line:#eadfd3;--brown:#6b3e26;--brown-dark:#4e2c1a;
--bad:#a8321f;--bad-bg:#fbe4df;--info:#255d8f;--info-bg:#e2eef8;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans TC",sans-serif}
.topbar{background:#fff;border-bottom:1px solid var(--line)}
.topbar div{max-width:960px;margin:0 auto;padding:12px 16px;display:flex;align-items:center;gap:10px;font-weight:700;font-size:1.15rem}
.topbar svg{width:32px;height:32px}
main{max-width:560px;margin:0 auto;padding:28px 16px 40px}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 6px}
h2{font-size:1.05rem;margin:0 0 10px}
.lead{color:var(--muted);margin:0 0 20px}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:20px;margin:0 0 16px;
box-shadow:0 1px 2px rgb(43 29 20/6%),0 4px 16px rgb(43 29 20/6%)}
label{display:block;font-weight:600;font-size:.95rem;margin:0 0 12px}
input{display:block;width:100%;margin-top:4px;padding:10px 12px;font:inherit;border:1px solid #d8c9bb;border-radius:10px;background:#fff}
input:focus{outline:2px solid var(--brown);outline-offset:1px}
button{font:inherit;font-weight:600;border-radius:10px;padding:10px 18px;cursor:pointer;border:1px solid var(--brown)}
.primary{background:var(--brown);color:#fff;width:100%}
.primary:hover{background:var(--brown-dark)}
.secondary{background:#fff;color:var(--brown)}
.link{background:none;border:none;color:var(--brown);text-decoration:underline;padding:0}
.notice{border-radius:10px;padding:10px 14px;margin:0 0 16px}
.error{background:var(--bad-bg);color:var(--bad)}
.hint{background:var(--info-bg);color:var(--info)}
.hint code{font-weight:700}
.row{display:flex;justify-content:space-between;align-items:center;gap:12px;flex-wrap:wrap}
.muted{color:var(--muted);font-size:.9rem}
a{color:var(--brown)}
`;

function layout(title: string, body: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)} · Jinliu Coffee</title><style>${styles}</style></head><body>` +
    `<header class="topbar"><div>${clubLogoSvg}<span>Jinliu Coffee</span></div></header>` +
    `<main>${body}</main></body></html>`
  );
}

type FormPage = Extract<BindPage, { kind: 'form' }>;
type ErrorPage = Extract<BindPage, { kind: 'error' }>;

function field(label: string, name: string, type: string, value: string, autocomplete: string): string {
  return (
    `<label>${escapeHtml(label)}<input name="${name}" type="${type}" value="${escapeHtml(value)}" ` +
    `autocomplete="${autocomplete}" required></label>`
  );
}

/** The sign-in / join page for a verified binding request. */
export function renderBindForm(p: FormPage): string {
  const token = `<input type="hidden" name="formToken" value="${escapeHtml(p.formToken)}">`;
  const retry = p.retry;
  const signinError = p.error && retry?.action !== 'signup' ? p.error : undefined;
  const signupError = p.error && retry?.action === 'signup' ? p.error : undefined;
  const error = (text: string | undefined) =>
    text ? `<p class="notice error" role="alert">${escapeHtml(text)}</p>` : '';
  const demo = p.demo
    ? `<p class="notice hint" data-testid="demo-members">Sandbox: try member ${demoMembers
        .map((d) => `<code>${escapeHtml(d.email)}</code> / <code>${escapeHtml(d.password)}</code>`)
        .join(' or ')}.</p>`
    : '';
  return layout(
    `Link your ${programName} card`,
    `<h1>Link your ${escapeHtml(programName)} card</h1>` +
      '<p class="lead">Jinliu Pay sent you here to add your membership card to your wallet. ' +
      'Sign in with your Jinliu Coffee account; your member number goes back to Jinliu Pay, and every payment ' +
      'at Jinliu Coffee earns points (1 per NT$10).</p>' +
      demo +
      '<section class="card" aria-labelledby="signin-title"><h2 id="signin-title">Sign in as a member</h2>' +
      error(signinError) +
      `<form method="post" action="/membership/bind">${token}<input type="hidden" name="action" value="signin">` +
      field('E-mail', 'email', 'email', retry?.action === 'signin' ? retry.email : '', 'username') +
      field('Password', 'password', 'password', '', 'current-password') +
      '<button class="primary" type="submit">Sign in and link card</button></form></section>' +
      '<section class="card" aria-labelledby="join-title"><h2 id="join-title">New here? Join the club</h2>' +
      error(signupError) +
      `<form method="post" action="/membership/bind">${token}<input type="hidden" name="action" value="signup">` +
      field('Your name', 'name', 'text', retry?.action === 'signup' ? retry.name : '', 'name') +
      field('E-mail', 'email', 'email', retry?.action === 'signup' ? retry.email : '', 'email') +
      field('Choose a password', 'password', 'password', '', 'new-password') +
      '<button class="primary" type="submit">Join and link card</button></form></section>' +
      `<form method="post" action="/membership/bind" class="row">${token}` +
      '<span class="muted">Changed your mind? Nothing is linked until you sign in.</span>' +
      '<button class="secondary" type="submit" name="action" value="cancel">Cancel</button></form>',
  );
}

/** A page that says why no card can be linked, with the way back to the wallet. */
export function renderBindError(p: ErrorPage): string {
  return layout(
    p.title,
    `<h1>${escapeHtml(p.title)}</h1><p class="notice error" role="alert" data-testid="bind-error">${escapeHtml(p.message)}</p>` +
      (p.back
        ? `<p><a href="${escapeHtml(p.back)}" data-testid="back-to-wallet">Back to your wallet</a></p>`
        : ''),
  );
}

/** The page's Content-Security-Policy: its forms answer with a redirect to the wallet. */
export function bindPagePolicy(walletOrigin: string | undefined): string {
  const formAction = walletOrigin ? `'self' ${walletOrigin}` : "'self'";
  return `default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`;
}
