// The platform's clock as seen from this device, from the `serverTime` the server puts in views.

// It follows the sandbox test clock when that is moved, and this device's clock skew in live mode.

/** Milliseconds the platform clock is ahead of this device's: `serverTime` − arrival (0 if unreadable). */
export function clockOffset(serverTime: string, receivedAt: number = Date.now()): number {
  const server = Date.parse(serverTime);
  return Number.isNaN(server) ? 0 : server - receivedAt;
}
