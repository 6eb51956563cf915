import {
  type Config,
  loadConfig,
  type Role,
  redactUrl,
  sandboxPin,
  startServer,
  testUserId,
} from '@jinliu/server';
import { paint, progress, say } from '../output.ts';

/** `jinliu start [--role all|api|worker]`: runs the platform until SIGINT/SIGTERM. */
export async function startCommand(role: Role, json: boolean): Promise<number> {
  const config: Config = loadConfig(process.env, { role });
  const started = Date.now();
  const server = await startServer(config, {
    onMigration: (done, total, name) => progress(`Migrating ${name}`, done, total),
  });
  const ms = Date.now() - started;
  const storage = config.databaseUrl
    ? `PostgreSQL ${redactUrl(config.databaseUrl)}`
    : `embedded PGlite at ${config.dataDir}`;
  if (json) {
    say(
      JSON.stringify({
        url: server.url ?? null,
        publicUrl: config.publicUrl,
        role,
        mode: config.mode,
        storage,
        readyMs: ms,
        demoChannel: server.seed?.channel
          ? { ...server.seed.channel, channelId: server.seed.channel.channelId.toString() }
          : null,
      }),
    );
  } else {
    say(`${paint('green', 'Jinliu is running')} (${config.mode}, role ${role}, ready in ${ms} ms)`);
    say(`  Storage    ${storage}`);
    if (server.url) {
      say(
        `  API        ${config.publicUrl}   (Online v3 at /v3/payments/..., docs at ${config.publicUrl}/docs)`,
      );
    }
    const demo = server.seed?.channel;
    if (demo) {
      say('');
      say(
        paint(
          'bold',
          server.seed?.created ? 'A sandbox merchant channel was created:' : 'Sandbox merchant channel:',
        ),
      );
      say(`  Channel ID      ${demo.channelId}`);
      say(`  Channel secret  ${demo.channelSecret}`);
      say(`  Merchant ID     ${demo.merchantId}`);
      say(
        `  Test users      alice ${testUserId('alice')}, bob ${testUserId('bob')}, carol ${testUserId('carol')} (PIN ${sandboxPin})`,
      );
    }
    say(paint('dim', 'Press Ctrl+C to stop.'));
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
