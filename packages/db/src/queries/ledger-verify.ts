import type { Sql } from '../driver/sql.ts';

/** One broken ledger invariant, with enough detail to find the rows. */
export interface LedgerProblem {
  readonly rule: 'entry-balances' | 'tracked-balance' | 'payment-net' | 'entry-has-postings';
  readonly detail: string;
}

/** Counts of what was checked. */
export interface LedgerReport {
  readonly entries: number;
  readonly postings: number;
  readonly accounts: number;
  readonly payments: number;
  readonly problems: readonly LedgerProblem[];
}

/**
 * Proves the ledger: every entry sums to zero per currency; every tracked balance equals the
 * sum of its postings; each payment's net on merchant accounts equals captured − refunded.
 */
export async function verifyLedger(sql: Sql): Promise<LedgerReport> {
  const problems: LedgerProblem[] = [];
  const unbalanced = await sql.query(
    `SELECT entry_id, currency, sum(amount) AS total FROM postings
     GROUP BY entry_id, currency HAVING sum(amount) <> 0 LIMIT 100`,
  );
  for (const r of unbalanced) {
    problems.push({ rule: 'entry-balances', detail: `entry ${r.entry_id} sums to ${r.total} ${r.currency}` });
  }
  const empty = await sql.query(
    `SELECT e.entry_id FROM journal_entries e LEFT JOIN postings p USING (entry_id)
     WHERE p.posting_id IS NULL LIMIT 100`,
  );
  for (const r of empty) {
    problems.push({ rule: 'entry-has-postings', detail: `entry ${r.entry_id} has no postings` });
  }
  const drift = await sql.query(
    `SELECT a.account_id, a.kind, a.owner, a.balance, COALESCE(s.total, 0) AS total
     FROM accounts a LEFT JOIN (SELECT account_id, sum(amount) AS total FROM postings GROUP BY account_id) s
       USING (account_id)
     WHERE a.tracked AND a.balance <> COALESCE(s.total, 0) LIMIT 100`,
  );
  for (const r of drift) {
    problems.push({
      rule: 'tracked-balance',
      detail: `account ${r.account_id} (${r.kind} of ${r.owner}) holds ${r.balance} but its postings sum to ${r.total}`,
    });
  }
  const nets = await sql.query(
    `SELECT p.transaction_id, p.captured_amount - p.refunded_amount AS expected, COALESCE(s.net, 0) AS net
     FROM payments p LEFT JOIN (
       SELECT po.payment_id, sum(po.amount) AS net FROM postings po
       JOIN accounts a ON a.account_id = po.account_id AND a.kind = 'merchant_payable'
       GROUP BY po.payment_id) s ON s.payment_id = p.transaction_id
     WHERE p.captured_amount - p.refunded_amount <> COALESCE(s.net, 0) LIMIT 100`,
  );
  for (const r of nets) {
    problems.push({
      rule: 'payment-net',
      detail: `payment ${r.transaction_id}: merchant postings net ${r.net}, captured − refunded is ${r.expected}`,
    });
  }
  const [counts] = await sql.query(
    `SELECT (SELECT count(*) FROM journal_entries) AS entries, (SELECT count(*) FROM postings) AS postings,
            (SELECT count(*) FROM accounts) AS accounts, (SELECT count(*) FROM payments) AS payments`,
  );
  return {
    entries: Number(counts?.entries ?? 0),
    postings: Number(counts?.postings ?? 0),
    accounts: Number(counts?.accounts ?? 0),
    payments: Number(counts?.payments ?? 0),
    problems,
  };
}
