// A complete LINE Pay v3 payment against Jinliu with the unmodified `line-pay-merchant`
// client: request → (the user approves) → confirm → details → refund.
//
//   JINLIU_URL=http://127.0.0.1:8080 CHANNEL_ID=... CHANNEL_SECRET=... node examples/quickstart.mjs
//
// The ids and secret are printed by `npm start`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createAuthHttpClient } = require('line-pay-merchant/dist/line-pay-api/auth-http-client');
const { createPaymentApi } = require('line-pay-merchant/dist/payment-api/create');
const api = (name, file) => require(`line-pay-merchant/dist/line-pay-api/${file}`)[`${name}WithClient`];

const baseUrl = process.env.JINLIU_URL ?? 'http://127.0.0.1:8080';
const channelId = process.env.CHANNEL_ID;
const channelSecretKey = process.env.CHANNEL_SECRET;
if (!channelId || !channelSecretKey) {
  console.error('Set CHANNEL_ID and CHANNEL_SECRET to the values `npm start` printed.');
  process.exit(2);
}

// line-pay-merchant has no base-URL option: point its HTTP client at Jinliu.
const http = createAuthHttpClient({ channelId, channelSecretKey, env: 'development' });
http.defaults.baseURL = baseUrl;
const linePay = {
  request: createPaymentApi('request', api('request', 'request'), http),
  confirm: createPaymentApi('confirm', api('confirm', 'confirm'), http),
  details: createPaymentApi('paymentDetails', api('paymentDetails', 'payment-details'), http),
  refund: createPaymentApi('refund', api('refund', 'refund'), http),
};

const orderId = `quickstart-${Date.now()}`;
const requested = await linePay.request.send({
  body: {
    amount: 250,
    currency: 'TWD',
    orderId,
    packages: [{ id: 'pkg-1', amount: 250, products: [{ name: 'Bubble tea', quantity: 1, price: 250 }] }],
    redirectUrls: { confirmUrl: 'https://shop.example/confirm', cancelUrl: 'https://shop.example/cancel' },
  },
});
const { transactionId, paymentUrl } = requested.body.info;
console.log(`1. Requested payment ${transactionId}; the shopper would open ${paymentUrl.web}`);

// In the sandbox, approve as the test user would on the payment page.
const approval = await fetch(`${baseUrl}/sandbox/v1/payments/${transactionId}/approve`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{}',
});
const { redirectUrl } = await approval.json();
console.log(`2. Approved; the browser is sent to ${redirectUrl}`);

const confirmed = await linePay.confirm.send({ transactionId, body: { amount: 250, currency: 'TWD' } });
console.log(
  `3. Confirmed: returnCode ${confirmed.body.returnCode}, paid with ${JSON.stringify(confirmed.body.info.payInfo)}`,
);

const details = await linePay.details.send({ params: { transactionId: [transactionId] } });
console.log(`4. Details: payStatus ${details.body.info[0].payStatus}`);

const refunded = await linePay.refund.send({ transactionId, body: { refundAmount: 50 } });
console.log(`5. Refunded 50: refundTransactionId ${refunded.body.info.refundTransactionId}`);
