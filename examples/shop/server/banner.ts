// The lines the shop prints when it is up: where to shop, where the admin page is, and how.
import type { ShopConfig } from './config.ts';
import { demoMembers } from './members-store.ts';
import { programName } from './membership-program.ts';
import type { RunningShop } from './start-shop.ts';

/** The start-up lines (the admin password is shown only while it is the default). */
export function shopBanner(shop: RunningShop, config: ShopConfig): string[] {
  const password = config.adminPasswordIsDefault
    ? `password ${config.adminPassword}`
    : 'password from SHOP_ADMIN_PASSWORD';
  const channel = {
    environment: 'from LINEPAY_CHANNEL_ID',
    stored: 'created earlier, kept in the shop database',
    created: 'created just now on the sandbox',
  }[shop.channelSource];
  return [
    `  Shop       ${shop.publicUrl}   — buy something, pay as alice (PIN 123456)`,
    `  Admin      ${shop.publicUrl}/admin   (${password})`,
    `  LINE Pay   ${config.linePayBaseUrl}, channel ${shop.channelId} (${channel})`,
    `  Data       ${config.dataDir}`,
    'programId' in shop.membership
      ? `  Members    add "${programName}" in the wallet (${shop.membership.walletOrigin}/wallet/mycard/add), sign in as ${demoMembers[0].email} / ${demoMembers[0].password}`
      : `  Members    no card program (${shop.membership.unavailable})`,
  ];
}
