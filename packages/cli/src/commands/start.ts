import type { Config, Role } from '@jinliu/server';
import { stringValue } from '../args.ts';
import type { CommandSpec } from '../command.ts';
import { usageFailure } from '../exit-codes.ts';
import { paint, progress, say } from '../output.ts';

const roles: readonly Role[] = ['all', 'api', 'worker'];

/** `jinliu start`. */
export const startSpec: CommandSpec = {
  words: ['start'],
  args: [],
  summary: 'run the platform until Ctrl+C (default role: all)',
  description:
    'Runs the platform in this process: migrates the database, seeds the sandbox on first start, serves\n' +
    'the APIs and pages and runs the batch jobs. Roles: all = API, pages and batch jobs in one process;\n' +
    'api = a stateless HTTP node; worker = batch jobs only. Stops cleanly on SIGINT/SIGTERM.',
  options: {
    role: { type: 'string', label: '--role all|api|worker', help: 'what this process runs (default all)' },
  },
  remote: false,
  run: ({ values, json }) => {
    const role = (stringValue(values, 'role') ?? 'all') as Role;
    if (!roles.includes(role)) {
      throw usageFailure(`--role must be one of ${roles.join(', ')}`);
    }
    return startCommand(role, json);
  },
};

/** `jinliu start [--role all|api|worker]`: runs the platform until SIGINT/SIGTERM. */
export async function startCommand(role: Role, json: boolean): Promise<number> {
  // Loaded here, not at the top: the platform's modules take a second to load, and only the
  // commands that run the platform need them.
  const { loadConfig, startServer } = await import('@jinliu/server');
  const { platformBanner, storageLine } = await import('../platform-banner.ts');
  const config: Config = loadConfig(process.env, { role });
  const started = Date.now();
  const server = await startServer(config, {
    onMigration: (done, total, name) => progress(`Migrating ${name}`, done, total),
    onSeed: (done, total, step) => progress(`Seeding ${step}`, done, total),
  });
  const ms = Date.now() - started;
  if (json) {
    say(
      JSON.stringify({
        url: server.url ?? null,
        publicUrl: config.publicUrl,
        role,
        mode: config.mode,
        storage: storageLine(config),
        readyMs: ms,
        demoChannel: server.seed?.channel
          ? { ...server.seed.channel, channelId: server.seed.channel.channelId.toString() }
          : null,
      }),
    );
  } else {
    for (const line of platformBanner(config, server, ms)) {
      say(line);
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
