// Calls to the shop's JSON API. Failures become ApiError with the server's code and words.

/** An error the shop answered (or a network failure, code "network"). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
      ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch {
    throw new ApiError('network', 0, 'The shop could not be reached. Check your connection and try again.');
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError('bad_response', res.status, `The shop answered HTTP ${res.status}.`);
  }
  if (!res.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(
      error?.code ?? `http_${res.status}`,
      res.status,
      error?.message ?? `HTTP ${res.status}`,
    );
  }
  return parsed as T;
}

/** GET a JSON resource. */
export function getJson<T>(path: string): Promise<T> {
  return call<T>('GET', path);
}

/** POST JSON (always a body: the shop refuses state changes that are not JSON). */
export function postJson<T>(path: string, body: unknown = {}): Promise<T> {
  return call<T>('POST', path, body);
}

/** The words to show for any error. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : 'Something went wrong.';
}
