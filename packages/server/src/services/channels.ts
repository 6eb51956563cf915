import { createHash } from 'node:crypto';
import {
  type Clock,
  type Currency,
  type Keyring,
  newChannelId,
  newChannelSecret,
  newMerchantId,
  open,
  type Random,
  seal,
} from '@jinliu/core';
import { type ChannelRow, type Database, findChannel, insertChannel, insertMerchant } from '@jinliu/db';

/** A channel with its secret opened, as the auth layer needs it. */
export interface AuthenticatedChannel extends Omit<ChannelRow, 'secretEnc' | 'secretKeyId'> {
  readonly secret: string;
}

/** What a new sandbox channel is created with. */
export interface NewChannelInput {
  readonly name?: string;
  readonly currency?: Currency;
  readonly allowAuthorizeOnly?: boolean;
  readonly allowPreapproved?: boolean;
  readonly merchantId?: string;
}

/** The credentials handed back once at creation. */
export interface ChannelCredentials {
  readonly channelId: bigint;
  readonly channelSecret: string;
  readonly merchantId: string;
}

/** Channel use cases: creation and the cached lookup the signature check runs on every request. */
export interface ChannelService {
  create(input: NewChannelInput): Promise<ChannelCredentials>;
  /** The channel with its secret, or undefined; cached briefly so suspensions still propagate. */
  lookup(channelId: bigint): Promise<AuthenticatedChannel | undefined>;
}

const cacheTtlMs = 30_000;
const cacheMax = 10_000;

function secretContext(channelId: bigint): string {
  return `channel-secret:${channelId}`;
}

/** Creates the channel service. */
export function createChannelService(deps: {
  db: Database;
  clock: Clock;
  random: Random;
  keyring: Keyring;
}): ChannelService {
  const cache = new Map<bigint, { at: number; value: AuthenticatedChannel | undefined }>();
  return {
    async create(input) {
      const channelId = newChannelId(deps.random);
      const secret = newChannelSecret(deps.random);
      const merchantId = input.merchantId ?? newMerchantId(deps.random);
      const sealed = seal(deps.keyring, secret, secretContext(channelId));
      const now = deps.clock.now();
      const name = input.name ?? 'Sandbox shop';
      await deps.db.transaction(async (tx) => {
        if (!input.merchantId) {
          await insertMerchant(tx, merchantId, name, now);
        }
        await insertChannel(tx, {
          channelId,
          merchantId,
          name,
          currency: input.currency ?? 'TWD',
          secretKeyId: sealed.keyId,
          secretEnc: sealed.data,
          allowAuthorizeOnly: input.allowAuthorizeOnly ?? true,
          allowPreapproved: input.allowPreapproved ?? true,
          createdAt: now,
        });
      });
      return { channelId, channelSecret: secret, merchantId };
    },
    async lookup(channelId) {
      const hit = cache.get(channelId);
      const at = Date.now();
      if (hit && at - hit.at < cacheTtlMs) {
        return hit.value;
      }
      const row = await findChannel(deps.db, channelId);
      const value = row
        ? {
            ...publicPart(row),
            secret: open(
              deps.keyring,
              { keyId: row.secretKeyId, data: row.secretEnc },
              secretContext(channelId),
            ),
          }
        : undefined;
      if (cache.size >= cacheMax) {
        cache.clear();
      }
      cache.set(channelId, { at, value });
      return value;
    },
  };
}

function publicPart(row: ChannelRow): Omit<ChannelRow, 'secretEnc' | 'secretKeyId'> {
  const { secretEnc: _s, secretKeyId: _k, ...rest } = row;
  return rest;
}

/** A stable, keyed fingerprint of a card number (PCI DSS 3.5.1.1: keyed hash, not the number). */
export function cardFingerprint(keyring: Keyring, pan: string): string {
  const key = keyring.keyFor(keyring.currentKeyId) ?? new Uint8Array();
  return createHash('sha256').update(key).update(':card:').update(pan).digest('base64url');
}
