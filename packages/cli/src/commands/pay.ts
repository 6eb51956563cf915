import { stringValue } from '../args.ts';
import type { CommandSpec } from '../command.ts';
import { usageFailure } from '../exit-codes.ts';
import { paint, say, sayJson } from '../output.ts';
import { platformTarget, withSandbox } from '../platform-client.ts';

type Method = 'BALANCE' | 'CREDIT_CARD' | 'POINT';
const methods: readonly Method[] = ['BALANCE', 'CREDIT_CARD', 'POINT'];

/** The transaction id argument as a bigint; exit 2 unless it is 1 to 19 digits. */
function transactionIdArg(text: string | undefined): bigint {
  if (text === undefined || !/^\d{1,19}$/.test(text)) {
    throw usageFailure(
      `<transactionId> must be the payment's transaction id (up to 19 digits), got "${text}"`,
    );
  }
  return BigInt(text);
}

/** --user: a seeded test user's name or a user id. */
async function userArg(text: string | undefined): Promise<{ userId: string; label: string }> {
  // The seeded users' ids are derived from their names by the server package (loaded only here).
  const { seededUsers, testUserId } = await import('@jinliu/server');
  const names = seededUsers.map((u) => u.name);
  const name = (text ?? 'alice').toLowerCase();
  if (names.includes(name)) {
    return { userId: testUserId(name), label: name };
  }
  if (text !== undefined && /^U[0-9a-f]{32}$/.test(text)) {
    return { userId: text, label: text };
  }
  throw usageFailure(`--user must be ${names.join(', ')} or a user id (U followed by 32 hex digits)`);
}

/** `jinliu pay approve <transactionId>`. */
export const payApproveSpec: CommandSpec = {
  words: ['pay', 'approve'],
  args: ['<transactionId>'],
  summary: 'approve a requested payment as the shopper would',
  description:
    'Approves a requested payment as the shopper would on the payment page (sandbox helper), so the\n' +
    'merchant can confirm it. Prints where the browser would be sent (the confirmUrl). Defaults: user\n' +
    'alice, method BALANCE (CREDIT_CARD when --card is given). Declining test cards approve here and\n' +
    'fail at confirm with their code. Card numbers are never printed.',
  options: {
    user: { type: 'string', label: '--user alice|bob|carol|<userId>', help: 'who approves (default alice)' },
    method: { type: 'string', label: '--method BALANCE|CREDIT_CARD|POINT', help: 'how the shopper pays' },
    card: { type: 'string', label: '--card <number>', help: 'a test card number (spaces allowed)' },
    points: { type: 'string', label: '--points <n>', help: 'points to spend beside the method' },
  },
  remote: true,
  async run({ values, args, json }) {
    const target = platformTarget(stringValue(values, 'url'), process.env);
    const id = transactionIdArg(args[0]);
    const user = await userArg(stringValue(values, 'user'));
    const methodText = stringValue(values, 'method')?.toUpperCase();
    if (methodText !== undefined && !methods.includes(methodText as Method)) {
      throw usageFailure(`--method must be one of ${methods.join(', ')}`);
    }
    const cardText = stringValue(values, 'card');
    const card = cardText?.replace(/[ -]/g, '');
    if (card !== undefined && !/^\d{12,19}$/.test(card)) {
      throw usageFailure('--card must be a card number of 12 to 19 digits (spaces or dashes allowed)');
    }
    const pointsText = stringValue(values, 'points');
    if (pointsText !== undefined && !/^\d{1,12}(\.\d{1,2})?$/.test(pointsText)) {
      throw usageFailure('--points must be a positive amount, e.g. 100 or 12.50');
    }
    const method = (methodText as Method | undefined) ?? (card !== undefined ? 'CREDIT_CARD' : 'BALANCE');
    const { redirectUrl } = await withSandbox(target, (sandbox) =>
      sandbox.approve(id, {
        userId: user.userId,
        method,
        ...(card !== undefined ? { cardNumber: card } : {}),
        ...(pointsText !== undefined ? { points: Number(pointsText) } : {}),
      }),
    );
    if (json) {
      sayJson({ transactionId: id, approved: true, userId: user.userId, method, redirectUrl });
      return 0;
    }
    say(
      `${paint('green', '✔ Approved')} ${id} as ${user.label} (${method}${pointsText ? ` + ${pointsText} points` : ''}).`,
    );
    say(
      redirectUrl
        ? `  The browser would go to ${redirectUrl}`
        : '  No redirect (confirmUrlType SERVER or NONE): the platform tells the merchant itself.',
    );
    return 0;
  },
};

/** `jinliu pay cancel <transactionId>`. */
export const payCancelSpec: CommandSpec = {
  words: ['pay', 'cancel'],
  args: ['<transactionId>'],
  summary: 'cancel a requested payment as the shopper would',
  description:
    'Cancels a requested payment as the shopper would on the payment page (sandbox helper) and prints\n' +
    "where the browser would be sent (the merchant's cancelUrl).",
  options: {},
  remote: true,
  async run({ values, args, json }) {
    const target = platformTarget(stringValue(values, 'url'), process.env);
    const id = transactionIdArg(args[0]);
    const { redirectUrl } = await withSandbox(target, (sandbox) => sandbox.cancel(id));
    if (json) {
      sayJson({ transactionId: id, cancelled: true, redirectUrl });
      return 0;
    }
    say(`${paint('yellow', '✔ Cancelled')} ${id}.`);
    if (redirectUrl) {
      say(`  The browser would go to ${redirectUrl}`);
    }
    return 0;
  },
};
