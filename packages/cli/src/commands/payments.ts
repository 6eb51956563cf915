import { stringValue } from '../args.ts';
import type { CommandSpec } from '../command.ts';
import { usageFailure } from '../exit-codes.ts';
import { paint, say } from '../output.ts';
import { type OpsPayment, paymentCard } from '../payment-card.ts';
import { opsGet, platformTarget } from '../platform-client.ts';

/** `jinliu payments show <transactionId|refundId|orderId>`. */
export const paymentsShowSpec: CommandSpec = {
  words: ['payments', 'show'],
  args: ['<id|orderId>'],
  summary: "any merchant's payment with its refunds and ledger postings",
  description:
    'Shows a payment of any merchant through the operator API: state, amounts, how it was paid, refunds\n' +
    'and the ledger entries with their postings. The reference is a 19-digit transaction id, a refund id,\n' +
    'or an orderId (every merchant using it is shown). Exit 1 when nothing matches. --json prints the\n' +
    "operator API's answer as is. Sends JINLIU_OPS_TOKEN as a bearer token when it is set.",
  options: {},
  remote: true,
  async run({ values, args, json }) {
    const target = platformTarget(stringValue(values, 'url'), process.env);
    const ref = args[0] ?? '';
    if (ref.length === 0 || ref.length > 100) {
      throw usageFailure('<id|orderId> must be 1 to 100 characters');
    }
    const answer = await opsGet(target, `/ops/v1/payments/${encodeURIComponent(ref)}`);
    if (json) {
      say(answer.text);
      return 0;
    }
    const { matchedBy, payments } = answer.body as { matchedBy: string; payments: OpsPayment[] };
    if (payments.length > 1) {
      say(paint('dim', `${payments.length} merchants use orderId "${ref}":`));
    } else if (matchedBy === 'refundTransactionId') {
      say(paint('dim', `${ref} is a refund of:`));
    }
    payments.forEach((p, i) => {
      if (i > 0) {
        say('');
      }
      for (const line of paymentCard(p)) {
        say(line);
      }
    });
    return 0;
  },
};
