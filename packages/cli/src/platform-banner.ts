import { type Config, type RunningServer, redactUrl, sandboxPin, testUserId } from '@jinliu/server';
import { paint } from './output.ts';

/** Where the platform keeps its data, for people (the PostgreSQL password is hidden). */
export function storageLine(config: Config): string {
  return config.databaseUrl
    ? `PostgreSQL ${redactUrl(config.databaseUrl)}`
    : `embedded PGlite at ${config.dataDir}`;
}

/** The lines `jinliu start` prints once the platform is ready: storage, API URL, sandbox credentials. */
export function platformBanner(config: Config, server: RunningServer, readyMs: number): string[] {
  const lines = [
    `${paint('green', 'Jinliu is running')} (${config.mode}, role ${config.role}, ready in ${readyMs} ms)`,
    `  Storage    ${storageLine(config)}`,
  ];
  if (server.url) {
    lines.push(
      `  API        ${config.publicUrl}   (Online v3 at /v3/payments/..., docs at ${config.publicUrl}/docs)`,
    );
  }
  const demo = server.seed?.channel;
  if (demo) {
    lines.push(
      '',
      paint(
        'bold',
        server.seed?.created ? 'A sandbox merchant channel was created:' : 'Sandbox merchant channel:',
      ),
      `  Channel ID      ${demo.channelId}`,
      `  Channel secret  ${demo.channelSecret}`,
      `  Merchant ID     ${demo.merchantId}`,
      `  Test users      alice ${testUserId('alice')}, bob ${testUserId('bob')}, carol ${testUserId('carol')} (PIN ${sandboxPin})`,
    );
  }
  return lines;
}
