// The shop's My Card program, "Jinliu Coffee Club": registered once through the SDK on a Jinliu
// sandbox and kept in shop_settings; later starts reuse it and update its URLs if they moved.
import { type CreateProgramBody, isLinePayError, type LinePayClient, type MyCardProgram } from '@jinliu/sdk';
import type { Sql } from './db.ts';
import { readSetting, writeSetting } from './settings-store.ts';

/** The program's name in the wallet's catalogue. */
export const programName = 'Jinliu Coffee Club';

const programSetting = 'mycard.program';

/** What the shop keeps about its program. */
interface StoredProgram {
  readonly baseUrl: string;
  readonly channelId: string;
  readonly programId: string;
}

/** The registered program and what happened at this start. */
export interface MembershipProgram {
  readonly programId: string;
  /** The platform's public origin (from the program's JWK set URL): where the wallet lives. */
  readonly walletOrigin: string;
  readonly source: 'created' | 'stored' | 'updated';
}

/** The binding page's address: the wallet sends shoppers here with nonce, callback and token. */
export function bindingUrlOf(publicUrl: string): string {
  return `${publicUrl}/membership/bind`;
}

/** Where the shop serves its logo; the wallet shows it only from an https address. */
export function defaultLogoUrl(publicUrl: string): string | null {
  return publicUrl.startsWith('https:') ? `${publicUrl}/membership/logo.svg` : null;
}

/** The program as the shop registers it. */
export function programBody(bindingUrl: string, logoUrl: string | null): CreateProgramBody {
  return {
    name: programName,
    codeType: 'CODE128',
    bindingUrl,
    logoUrl,
    detail: {
      type: 'TEMPLATE',
      benefits:
        '1 point for every NT$10 you spend at Jinliu Coffee, in the shop and online.\n' +
        'Show the card at the counter, or just pay with Jinliu Pay: your points arrive by themselves.',
      terms:
        'One card per member. Points are credited when a payment is captured and are not paid out in cash.',
      contact: 'club@jinliu-coffee.example',
    },
  };
}

function originOf(program: MyCardProgram): string {
  return new URL(program.jwksUrl).origin;
}

async function remember(db: Sql, stored: StoredProgram): Promise<void> {
  await writeSetting(db, programSetting, JSON.stringify(stored));
}

/** The program this shop registered earlier on the same platform and channel, if the platform still has it. */
async function storedProgram(
  db: Sql,
  client: LinePayClient,
  o: { baseUrl: string; channelId: string },
): Promise<MyCardProgram | undefined> {
  const raw = await readSetting(db, programSetting);
  if (!raw) {
    return undefined;
  }
  const saved = JSON.parse(raw) as StoredProgram;
  if (saved.baseUrl !== o.baseUrl || saved.channelId !== o.channelId) {
    return undefined;
  }
  try {
    return await client.mycard.program(saved.programId);
  } catch (e) {
    // 3111: the platform's data was reset (or the program is gone): register a new one.
    if (isLinePayError(e) && e.returnCode === '3111') {
      return undefined;
    }
    throw e;
  }
}

/**
 * Registers the shop's program once (createProgram) and keeps its id; on later starts reuses it,
 * sending updateProgram when the binding page or the logo moved (a new SHOP_PUBLIC_URL).
 */
export async function setUpMembershipProgram(
  db: Sql,
  client: LinePayClient,
  o: { baseUrl: string; channelId: string; publicUrl: string; logoUrl: string | null },
): Promise<MembershipProgram> {
  const bindingUrl = bindingUrlOf(o.publicUrl);
  const known = await storedProgram(db, client, o);
  if (known) {
    if (known.bindingUrl === bindingUrl && known.logoUrl === o.logoUrl) {
      return { programId: known.programId, walletOrigin: originOf(known), source: 'stored' };
    }
    const updated = await client.mycard.updateProgram(known.programId, { bindingUrl, logoUrl: o.logoUrl });
    return { programId: updated.programId, walletOrigin: originOf(updated), source: 'updated' };
  }
  const created = await client.mycard.createProgram(programBody(bindingUrl, o.logoUrl));
  await remember(db, { baseUrl: o.baseUrl, channelId: o.channelId, programId: created.programId });
  return { programId: created.programId, walletOrigin: originOf(created), source: 'created' };
}
