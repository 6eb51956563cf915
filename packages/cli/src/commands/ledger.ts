import { migrate, openDatabase, verifyLedger } from '@jinliu/db';
import { loadConfig } from '@jinliu/server';
import { paint, say } from '../output.ts';

/**
 * `jinliu ledger verify`: proves every journal entry balances per currency, every tracked
 * balance equals its postings, and each payment's net equals captured minus refunded.
 * Exit code 0 = verified, 1 = problems found.
 */
export async function ledgerVerifyCommand(json: boolean): Promise<number> {
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
