import type { Currency } from '@jinliu/sdk';
import { stringValue } from '../args.ts';
import type { CommandSpec } from '../command.ts';
import { usageFailure } from '../exit-codes.ts';
import { paint, say, sayJson } from '../output.ts';
import { platformTarget, withSandbox } from '../platform-client.ts';

const currencies: readonly Currency[] = ['TWD', 'USD', 'THB', 'JPY'];

/** `jinliu channels create`: a new sandbox merchant channel and its credentials. */
export const channelsCreateSpec: CommandSpec = {
  words: ['channels', 'create'],
  args: [],
  summary: 'create a sandbox merchant channel; prints its id and secret',
  description:
    'Creates a merchant and a channel on the running sandbox and prints the channel id, channel secret\n' +
    'and merchant id to sign Online v3 requests with. --json prints {channelId, channelSecret, merchantId}.',
  options: {
    name: { type: 'string', label: '--name <name>', help: 'channel name, 1 to 100 characters' },
    currency: {
      type: 'string',
      label: '--currency TWD|USD|THB|JPY',
      help: 'the channel currency (default TWD)',
    },
    'authorize-only': {
      type: 'boolean',
      label: '--no-authorize-only',
      help: 'refuse authorize-only payments (options.payment.capture=false)',
    },
    preapproved: { type: 'boolean', label: '--no-preapproved', help: 'refuse PREAPPROVED (regKey) payments' },
  },
  remote: true,
  async run({ values, json }) {
    const target = platformTarget(stringValue(values, 'url'), process.env);
    const name = stringValue(values, 'name');
    if (name !== undefined && (name.length === 0 || name.length > 100)) {
      throw usageFailure('--name must be 1 to 100 characters');
    }
    const currency = stringValue(values, 'currency')?.toUpperCase();
    if (currency !== undefined && !currencies.includes(currency as Currency)) {
      throw usageFailure(`--currency must be one of ${currencies.join(', ')}`);
    }
    const authorizeOnly = values['authorize-only'];
    const preapproved = values.preapproved;
    const created = await withSandbox(target, (sandbox) =>
      sandbox.createChannel({
        ...(name !== undefined ? { name } : {}),
        ...(currency !== undefined ? { currency: currency as Currency } : {}),
        ...(typeof authorizeOnly === 'boolean' ? { allowAuthorizeOnly: authorizeOnly } : {}),
        ...(typeof preapproved === 'boolean' ? { allowPreapproved: preapproved } : {}),
      }),
    );
    if (json) {
      sayJson(created);
      return 0;
    }
    say(paint('green', '✔ Channel created'));
    say(`  Channel ID      ${created.channelId}`);
    say(`  Channel secret  ${created.channelSecret}`);
    say(`  Merchant ID     ${created.merchantId}`);
    say(paint('dim', `  Sign Online v3 requests to ${target.url}/v3/payments/... with these.`));
    return 0;
  },
};
