// How the operational commands reach a RUNNING platform: over HTTP, because the embedded
// database belongs to the server process. Sandbox helpers go through the SDK; the operator
// API (/ops/v1) through fetch with the ops token.
import { createSandbox, isLinePayError, type Sandbox } from '@jinliu/sdk';
import { CliFailure, exitCodes, usageFailure } from './exit-codes.ts';

/** The platform a command talks to. */
export interface PlatformTarget {
  readonly url: string;
  readonly opsToken: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

const timeoutMs = 20_000;

/** The platform's base URL: --url, else JINLIU_URL, else JINLIU_PUBLIC_URL, else 127.0.0.1 on PORT (8080). */
export function platformTarget(flag: string | undefined, env: Env): PlatformTarget {
  const nonEmpty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  const [source, raw] =
    flag !== undefined
      ? ['--url', flag]
      : nonEmpty(env.JINLIU_URL) !== undefined
        ? ['JINLIU_URL', env.JINLIU_URL ?? '']
        : nonEmpty(env.JINLIU_PUBLIC_URL) !== undefined
          ? ['JINLIU_PUBLIC_URL', env.JINLIU_PUBLIC_URL ?? '']
          : ['PORT', `http://127.0.0.1:${nonEmpty(env.PORT) ?? 8080}`];
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw usageFailure(`${source} must give an http(s) base URL like http://127.0.0.1:8080, got "${raw}"`);
  }
  return { url: url.href.replace(/\/+$/, ''), opsToken: nonEmpty(env.JINLIU_OPS_TOKEN) };
}

/** The one helpful line when nothing answers at the URL (exit 3). */
export function unreachable(url: string): CliFailure {
  return new CliFailure(
    `No Jinliu at ${url} — start it with \`npm start\`, or pass --url`,
    exitCodes.runtime,
  );
}

/** The exit code for a JSON-face refusal: not found or refused = 1, bad input = 2, else 3. */
function exitFor(status: number): number {
  if (status === 404 || status === 409 || status === 422) {
    return exitCodes.failed;
  }
  return status >= 400 && status < 500 ? exitCodes.usage : exitCodes.runtime;
}

/** Runs sandbox helper calls through the SDK, turning its errors into one clear line and an exit code. */
export async function withSandbox<T>(
  target: PlatformTarget,
  fn: (sandbox: Sandbox) => Promise<T>,
): Promise<T> {
  try {
    return await fn(createSandbox({ baseUrl: target.url, timeoutMs }));
  } catch (error) {
    if (!isLinePayError(error)) {
      throw error;
    }
    if (error.returnCode === 'NETWORK') {
      throw unreachable(target.url);
    }
    if (error.returnCode === 'TIMEOUT') {
      throw new CliFailure(
        `Jinliu at ${target.url} did not answer within ${timeoutMs / 1000} s`,
        exitCodes.runtime,
      );
    }
    const status = error.httpStatus ?? 0;
    if (status === 404 && error.returnCode === 'not_found') {
      throw new CliFailure(
        `${target.url} has no sandbox helpers: they exist in sandbox mode only (JINLIU_MODE=sandbox).`,
        exitCodes.runtime,
      );
    }
    if (error.returnCode === 'BAD_RESPONSE') {
      throw new CliFailure(
        `${target.url} does not answer like Jinliu: ${error.returnMessage}`,
        exitCodes.runtime,
      );
    }
    throw new CliFailure(
      `The platform refused: ${error.returnMessage} (${error.returnCode})`,
      exitFor(status),
    );
  }
}

/** Parses JSON keeping integers of 16+ digits (19-digit ids) exact, as bigint. */
export function parseLossless(text: string): unknown {
  return JSON.parse(text, (_key, value, context?: { source?: string }) =>
    typeof value === 'number' && context?.source && /^-?\d{16,}$/.test(context.source)
      ? BigInt(context.source)
      : value,
  );
}

/** An operator API answer: its exact text and the parsed body. */
export interface OpsAnswer {
  readonly text: string;
  readonly body: unknown;
}

/**
 * GETs an operator API path. A missing match (404 `payment_not_found`) is a CliFailure with
 * exit 1; a refused token exit 2; an unreachable or foreign server exit 3. An abort of
 * `signal` is rethrown as is.
 */
export async function opsGet(target: PlatformTarget, path: string, signal?: AbortSignal): Promise<OpsAnswer> {
  const deadline = AbortSignal.timeout(timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${target.url}${path}`, {
      headers: {
        accept: 'application/json',
        ...(target.opsToken ? { authorization: `Bearer ${target.opsToken}` } : {}),
      },
      signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    });
    text = await res.text();
  } catch (error) {
    if (signal?.aborted) {
      throw error;
    }
    throw deadline.aborted
      ? new CliFailure(
          `Jinliu at ${target.url} did not answer within ${timeoutMs / 1000} s`,
          exitCodes.runtime,
        )
      : unreachable(target.url);
  }
  let body: unknown;
  try {
    body = parseLossless(text);
  } catch {
    throw new CliFailure(
      `${target.url} does not answer like Jinliu (HTTP ${res.status}, not JSON)`,
      exitCodes.runtime,
    );
  }
  if (res.ok) {
    return { text, body };
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${res.status}`;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${res.status}`;
  if (res.status === 401) {
    throw usageFailure(
      target.opsToken
        ? `The operator API at ${target.url} refused JINLIU_OPS_TOKEN: set it to the platform's token.`
        : `The operator API at ${target.url} needs a token: set JINLIU_OPS_TOKEN (environment or .env).`,
    );
  }
  if (res.status === 404 && code === 'not_found') {
    throw new CliFailure(
      `${target.url} has no operator API: in live mode it exists only with JINLIU_OPS_TOKEN set.`,
      exitCodes.runtime,
    );
  }
  throw new CliFailure(`${message} (${code})`, exitFor(res.status));
}
