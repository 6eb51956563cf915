import type { CommandSpec } from '../command.ts';
import { paint, say } from '../output.ts';

/** `jinliu ledger verify`. */
export const ledgerVerifySpec: CommandSpec = {
  words: ['ledger', 'verify'],
  args: [],
  summary: 'prove the double-entry ledger; exit 1 on problems',
  description:
    'Proves that every journal entry balances per currency, every tracked balance equals its postings\n' +
    "and each payment's net equals captured minus refunded. Exit 0 when verified, 1 with the problems.\n" +
    'Opens the database itself: stop an embedded server first (PostgreSQL: any time).',
  options: {},
  remote: false,
  run: ({ json }) => ledgerVerifyCommand(json),
};

/**
 * `jinliu ledger verify`: proves every journal entry balances per currency, every tracked
 * balance equals its postings, and each payment's net equals captured minus refunded.
 * Exit code 0 = verified, 1 = problems found.
 */
export async function ledgerVerifyCommand(json: boolean): Promise<number> {
  // Loaded here, not at the top: the platform's modules take a second to load, and only the
  // commands that open the database need them.
  const { migrate, openDatabase, verifyLedger } = await import('@jinliu/db');
  const { loadConfig } = await import('@jinliu/server');
  const config = loadConfig(process.env);
  const db = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl, poolSize: 2 } : { dataDir: config.dataDir },
  );
  try {
    await migrate(db);
    const report = await verifyLedger(db);
    if (json) {
      say(JSON.stringify(report));
    } else if (report.problems.length === 0) {
      say(
        `${paint('green', '✔ Ledger verified')}: ${report.entries} entries, ${report.postings} postings, ${report.accounts} accounts, ${report.payments} payments.`,
      );
    } else {
      say(paint('red', `✖ ${report.problems.length} ledger problem(s):`));
      for (const p of report.problems) {
        say(`  [${p.rule}] ${p.detail}`);
      }
    }
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await db.close();
  }
}
