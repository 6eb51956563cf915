import { type TSchema, Type } from '@sinclair/typebox';

/** Documentation schemas for OpenAPI; validation is done by core, which maps problems to return codes. */
const Url = Type.String({ maxLength: 500, description: 'https (http is accepted in sandbox mode)' });
const Detail = Type.Union([
  Type.Object({
    type: Type.Literal('TEMPLATE'),
    benefits: Type.Optional(Type.String({ maxLength: 2000 })),
    terms: Type.Optional(Type.String({ maxLength: 4000 })),
    contact: Type.Optional(Type.String({ maxLength: 500 })),
  }),
  Type.Object({ type: Type.Literal('EXTERNAL'), url: Url }),
]);
const CodeType = Type.String({ enum: ['CODE128', 'QR', 'EAN13'] });

export const ProgramParams = Type.Object({ programId: Type.String({ pattern: '^[A-Z0-9]{4,40}$' }) });
export const GroupParams = Type.Object({ groupId: Type.String({ pattern: '^[A-Z0-9]{4,40}$' }) });

export const ProgramBody = Type.Object({
  name: Type.String({ maxLength: 100 }),
  logoUrl: Type.Optional(Type.Union([Url, Type.Null()])),
  codeType: CodeType,
  bindingUrl: Url,
  detail: Type.Optional(Detail),
  groupId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export const ProgramPatch = Type.Partial(ProgramBody);

export const Program = Type.Object({
  programId: Type.String(),
  name: Type.String(),
  logoUrl: Type.Union([Type.String(), Type.Null()]),
  codeType: CodeType,
  bindingUrl: Type.String(),
  detail: Detail,
  channelId: Type.Integer({ description: 'the Apply channel (the channel that created the program)' }),
  groupId: Type.Union([Type.String(), Type.Null()]),
  status: Type.String({ enum: ['ACTIVE', 'SUSPENDED'] }),
  jwksUrl: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const Jwks = Type.Object({
  keys: Type.Array(
    Type.Object({
      kty: Type.Literal('EC'),
      crv: Type.Literal('P-256'),
      x: Type.String(),
      y: Type.String(),
      kid: Type.String(),
      alg: Type.Literal('ES256'),
      use: Type.Literal('sig'),
    }),
  ),
});

export const ApplyBody = Type.Object({
  token: Type.String({ description: 'the token parameter the binding page received' }),
  membershipCode: Type.String({ description: "the shopper's membership code, in the program's code type" }),
  displayName: Type.Optional(Type.String({ maxLength: 100 })),
});
export const ApplyInfo = Type.Object({
  bindingId: Type.String(),
  status: Type.Literal('APPLIED'),
  callback: Type.String({ description: 'send the browser here with token, channelId and status' }),
});

export const UnbindBody = Type.Object({
  membershipCode: Type.Optional(Type.String()),
  bindingId: Type.Optional(Type.String()),
});
export const UnbindInfo = Type.Object({
  unbound: Type.Array(Type.Object({ bindingId: Type.String(), programId: Type.String() })),
});

export const GroupBody = Type.Object({ name: Type.String({ maxLength: 100 }) });
export const MemberBody = Type.Object({ merchantId: Type.String() });
export const Group = Type.Object({
  groupId: Type.String(),
  name: Type.String(),
  ownerMerchantId: Type.String(),
  members: Type.Array(
    Type.Object({ merchantId: Type.String(), merchantName: Type.String(), status: Type.String() }),
  ),
});

const Reward = Type.Object({
  type: Type.String({ enum: ['POINTS', 'COUPON'] }),
  amount: Type.Number({ description: 'major units of currency' }),
  currency: Type.String({ enum: ['TWD', 'USD', 'THB', 'JPY'] }),
  validDays: Type.Optional(
    Type.Integer({ description: 'COUPON only: days a coupon stays usable (default 30)' }),
  ),
});
export const CampaignBody = Type.Object({
  name: Type.String({ maxLength: 100 }),
  programIds: Type.Array(Type.String(), { minItems: 1, maxItems: 50 }),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  reward: Reward,
});
export const Campaign = Type.Object({
  campaignId: Type.String(),
  name: Type.String(),
  programIds: Type.Array(Type.String()),
  startsAt: Type.String(),
  endsAt: Type.String(),
  reward: Reward,
});

/** The LINE Pay envelope around an optional `info`. */
function envelope(info?: TSchema) {
  return Type.Object(
    {
      returnCode: Type.String({ minLength: 4, maxLength: 4, examples: ['0000'] }),
      returnMessage: Type.String(),
      ...(info ? { info: Type.Optional(info) } : {}),
    },
    { description: 'Always HTTP 200; see returnCode' },
  );
}

/** Route schema of a merchant-facing My Card endpoint. */
export function myCardSchema(
  summary: string,
  parts: { params?: TSchema; body?: TSchema; info?: TSchema; description?: string },
) {
  return {
    summary,
    ...(parts.description ? { description: parts.description } : {}),
    tags: ['My Card'],
    security: [{ channelId: [], nonce: [], signature: [] }],
    ...(parts.params ? { params: parts.params } : {}),
    ...(parts.body ? { body: parts.body } : {}),
    response: { 200: envelope(parts.info) },
  };
}
