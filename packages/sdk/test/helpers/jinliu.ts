// A real Jinliu for the SDK's integration tests: the server's own test platform (isolated
// database, manual clock, seeded users alice/bob/carol) listening on a random local port.
import { randomUUID } from 'node:crypto';
import { startPlatform, type TestPlatform } from '../../../server/test/helpers/test-app.ts';
import { createClient, createSandbox, type Sandbox } from '../../src/index.ts';
import type { ClientOptions, LinePayClient } from '../../src/types.ts';

export interface Jinliu {
  platform: TestPlatform;
  baseUrl: string;
  sandbox: Sandbox;
  /** A client on a fresh sandbox channel allowed authorize-only and preapproved payments. */
  newClient(
    options?: Partial<ClientOptions>,
  ): Promise<{ client: LinePayClient; channelId: string; channelSecret: string }>;
  close(): Promise<void>;
}

/** Starts a platform for one test file. */
export async function startJinliu(): Promise<Jinliu> {
  const platform = await startPlatform({ listen: true });
  const address = platform.app.server.address();
  if (!address || typeof address !== 'object') {
    await platform.close();
    throw new Error('the test platform is not listening');
  }
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const sandbox = createSandbox({ baseUrl });
  return {
    platform,
    baseUrl,
    sandbox,
    async newClient(options = {}) {
      const channel = await sandbox.createChannel({ allowAuthorizeOnly: true, allowPreapproved: true });
      const client = createClient({
        channelId: channel.channelId,
        channelSecret: channel.channelSecret,
        baseUrl,
        ...options,
      });
      return { client, ...channel };
    },
    close: () => platform.close(),
  };
}

/** A unique order id. */
export function orderId(prefix = 'sdk'): string {
  return `${prefix}-${randomUUID()}`;
}
