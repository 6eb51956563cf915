import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createKeyring, type Keyring } from '@jinliu/core';
import type { Config } from '../config.ts';

/**
 * The encryption keyring. Live mode requires configured keys. A sandbox without keys gets a
 * key generated once and kept beside the embedded data (mode 0600), so a restart can still
 * read what it wrote; with PostgreSQL and no keys the sandbox keeps it under the data dir too.
 */
export async function loadKeyring(config: Config): Promise<Keyring> {
  if (config.encryptionKeys.length > 0) {
    const [first] = config.encryptionKeys;
    return createKeyring(new Map(config.encryptionKeys.map((k) => [k.id, k.key])), first?.id ?? '');
  }
  const file = join(config.dataDir, '..', 'sandbox-encryption.key');
  let key: Buffer;
  try {
    key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch {
    key = randomBytes(32);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' }).catch(async () => {
      // Another process created it first: use theirs.
      key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    });
  }
  return createKeyring(new Map([['sandbox', key]]), 'sandbox');
}
