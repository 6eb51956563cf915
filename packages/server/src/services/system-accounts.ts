import type { Currency, SystemAccounts } from '@jinliu/core';
import { type AccountKind, type Database, ensureAccount } from '@jinliu/db';

/** Resolves (and caches) the platform and merchant accounts payments post to. */
export interface SystemAccountDirectory {
  forMerchant(merchantId: string, currency: Currency): Promise<SystemAccounts>;
  funding(currency: Currency): Promise<bigint>;
}

/** Account ids never change once created, so they are cached for the life of the process. */
export function createSystemAccountDirectory(db: Database): SystemAccountDirectory {
  const cache = new Map<string, Promise<bigint>>();
  const resolve = (kind: AccountKind, owner: string, currency: Currency): Promise<bigint> => {
    const key = `${kind}/${owner}/${currency}`;
    let id = cache.get(key);
    if (!id) {
      id = ensureAccount(db, kind, owner, currency);
      id.catch(() => cache.delete(key));
      cache.set(key, id);
    }
    return id;
  };
  return {
    async forMerchant(merchantId, currency) {
      const [merchant, holds, cardClearing] = await Promise.all([
        resolve('merchant_payable', merchantId, currency),
        resolve('authorization_holds', 'platform', currency),
        resolve('card_clearing', 'platform', currency),
      ]);
      return { merchant, holds, cardClearing };
    },
    funding: (currency) => resolve('sandbox_funding', 'platform', currency),
  };
}
