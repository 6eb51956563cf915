// The one way the app talks to the server: same-origin JSON with the session's CSRF token.

/** A failed API call: the server's error code (or `network`), its message and HTTP status. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly attemptsLeft: number | undefined;

  constructor(code: string, message: string, status: number, attemptsLeft?: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.attemptsLeft = attemptsLeft;
  }
}

let csrfToken = '';

/** Remembers the session's CSRF token (from GET /api/session or sign-in). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

interface ErrorBody {
  readonly error?: { code?: unknown; message?: unknown; attemptsLeft?: unknown };
}

function errorFrom(status: number, body: unknown): ApiError {
  const e = (body as ErrorBody | undefined)?.error;
  const code = typeof e?.code === 'string' ? e.code : `http_${status}`;
  const message = typeof e?.message === 'string' ? e.message : `HTTP ${status}`;
  const attempts = typeof e?.attemptsLeft === 'number' ? e.attemptsLeft : undefined;
  return new ApiError(code, message, status, attempts);
}

/** Calls the API; resolves with the JSON body, rejects with an ApiError. */
export async function apiCall<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['x-csrf-token'] = csrfToken;
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError('network', 'The server could not be reached.', 0);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    throw errorFrom(res.status, json);
  }
  return json as T;
}

/** The error code of anything thrown by apiCall (`unknown` for bugs). */
export function errorCode(error: unknown): string {
  return error instanceof ApiError ? error.code : 'unknown';
}
