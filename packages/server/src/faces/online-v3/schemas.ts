import { type TSchema, Type } from '@sinclair/typebox';

/** Documentation schemas for OpenAPI. Validation itself is done by core, which maps each problem to its return code. */
const Id = Type.Integer({
  description: '19-digit transaction id, written as a bare JSON integer (never quoted)',
});
const Amount = Type.Number({
  description: 'Amount in major units (TWD/JPY: integers, USD/THB: up to 2 decimals)',
});

export const TransactionParams = Type.Object({ transactionId: Type.String({ pattern: '^[0-9]{1,19}$' }) });
export const RegKeyParams = Type.Object({ regKey: Type.String({ pattern: '^RK[A-Z0-9]{13}$' }) });

const Product = Type.Object({
  id: Type.Optional(Type.String({ maxLength: 50 })),
  name: Type.String({ maxLength: 4000 }),
  imageUrl: Type.Optional(Type.String({ maxLength: 500 })),
  quantity: Type.Integer({ minimum: 1 }),
  price: Amount,
  originalPrice: Type.Optional(Amount),
});

export const RequestBody = Type.Object({
  amount: Amount,
  currency: Type.String({ enum: ['TWD', 'USD', 'THB', 'JPY'] }),
  orderId: Type.String({ maxLength: 100 }),
  packages: Type.Array(
    Type.Object({
      id: Type.String({ maxLength: 50 }),
      amount: Amount,
      userFee: Type.Optional(Amount),
      name: Type.Optional(Type.String({ maxLength: 100 })),
      products: Type.Array(Product, { minItems: 1 }),
    }),
    { minItems: 1 },
  ),
  redirectUrls: Type.Object({
    confirmUrl: Type.Optional(Type.String({ maxLength: 500 })),
    confirmUrlType: Type.Optional(Type.String({ enum: ['CLIENT', 'SERVER', 'NONE'] })),
    cancelUrl: Type.String({ maxLength: 500 }),
    appPackageName: Type.Optional(Type.String({ maxLength: 4000 })),
  }),
  options: Type.Optional(
    Type.Object({
      payment: Type.Optional(
        Type.Object({
          capture: Type.Optional(Type.Boolean()),
          payType: Type.Optional(Type.String({ enum: ['NORMAL', 'PREAPPROVED'] })),
        }),
      ),
      display: Type.Optional(
        Type.Object({
          locale: Type.Optional(Type.String({ enum: ['en', 'ja', 'ko', 'th', 'zh_TW', 'zh_CN'] })),
          checkConfirmUrlBrowser: Type.Optional(Type.Boolean()),
        }),
      ),
    }),
  ),
});

export const AmountBody = Type.Object({ amount: Amount, currency: Type.String() });
export const RefundBody = Type.Object({ refundAmount: Type.Optional(Amount) });
export const PreapprovedBody = Type.Object({
  productName: Type.String({ maxLength: 4000 }),
  amount: Amount,
  currency: Type.String(),
  orderId: Type.String({ maxLength: 100 }),
  capture: Type.Optional(Type.Boolean()),
});
export const DetailsQuery = Type.Object({
  transactionId: Type.Optional(Type.Array(Type.String())),
  orderId: Type.Optional(Type.Array(Type.String())),
  fields: Type.Optional(Type.String({ enum: ['ALL', 'TRANSACTION', 'ORDER'] })),
});

const PayInfo = Type.Array(
  Type.Object({
    method: Type.String({ enum: ['BALANCE', 'CREDIT_CARD', 'POINT'] }),
    amount: Amount,
    creditCardNickname: Type.Optional(Type.String()),
    creditCardBrand: Type.Optional(Type.String()),
    maskedCreditCardNumber: Type.Optional(Type.String()),
  }),
);

/** My Card memberships of the payer at this merchant; present only when there is one (docs/compatibility.md). */
const Memberships = Type.Optional(
  Type.Array(
    Type.Object({
      programId: Type.String(),
      programName: Type.String(),
      membershipCode: Type.String(),
      codeType: Type.String({ enum: ['CODE128', 'QR', 'EAN13'] }),
      groupId: Type.Optional(Type.String()),
    }),
  ),
);

/** The LINE Pay envelope around an optional `info`. */
export function envelope(info?: TSchema, description = 'Always HTTP 200; see returnCode') {
  return Type.Object(
    {
      returnCode: Type.String({ minLength: 4, maxLength: 4, examples: ['0000'] }),
      returnMessage: Type.String(),
      ...(info ? { info: Type.Optional(info) } : {}),
    },
    { description },
  );
}

export const RequestInfo = Type.Object({
  transactionId: Id,
  paymentAccessToken: Type.String({ pattern: '^[0-9]{12}$' }),
  paymentUrl: Type.Object({ web: Type.String(), app: Type.String() }),
});
export const ConfirmInfo = Type.Object({
  orderId: Type.String(),
  transactionId: Id,
  authorizationExpireDate: Type.Optional(Type.String()),
  regKey: Type.Optional(Type.String()),
  payInfo: PayInfo,
  packages: Type.Array(Type.Object({ id: Type.String(), amount: Amount, userFeeAmount: Amount })),
  memberships: Memberships,
});
export const CaptureInfo = Type.Object({
  transactionId: Id,
  orderId: Type.String(),
  payInfo: PayInfo,
  memberships: Memberships,
});
export const RefundInfo = Type.Object({ refundTransactionId: Id, refundTransactionDate: Type.String() });
export const DetailsInfo = Type.Array(
  Type.Object({
    transactionId: Id,
    orderId: Type.String(),
    transactionDate: Type.Optional(Type.String()),
    transactionType: Type.Optional(Type.String()),
    payStatus: Type.Optional(Type.String()),
    payInfo: Type.Optional(PayInfo),
    originalTransactionId: Type.Optional(Id),
    refundList: Type.Optional(Type.Array(Type.Object({ refundTransactionId: Id, refundAmount: Amount }))),
    memberships: Memberships,
  }),
);
export const PreapprovedInfo = Type.Object({
  transactionId: Id,
  orderId: Type.String(),
  transactionDate: Type.String(),
  authorizationExpireDate: Type.Optional(Type.String()),
  memberships: Memberships,
});
export const CheckStatusInfo = Type.Object({ memberships: Memberships });

/** Common route schema parts. */
export function v3Schema(
  summary: string,
  parts: { params?: TSchema; body?: TSchema; querystring?: TSchema; info?: TSchema },
) {
  return {
    summary,
    tags: ['Online API v3'],
    security: [{ channelId: [], nonce: [], signature: [] }],
    ...(parts.params ? { params: parts.params } : {}),
    ...(parts.body ? { body: parts.body } : {}),
    ...(parts.querystring ? { querystring: parts.querystring } : {}),
    response: { 200: envelope(parts.info) },
  };
}
