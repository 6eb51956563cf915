import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as shapes from './info-shapes.ts';
import { parseLosslessJson, quoteLongIntegers } from './lossless-json.ts';
import { readAnswer, type V3Call } from './transport.ts';

describe('quoteLongIntegers', () => {
  it('quotes bare integers of 16+ digits and nothing else', () => {
    assert.equal(
      quoteLongIntegers('{"a":2021121600698709710,"b":123,"c":-9007199254740993,"d":1234567890123456.5}'),
      '{"a":"2021121600698709710","b":123,"c":"-9007199254740993","d":1234567890123456.5}',
    );
  });

  it('leaves digits inside strings untouched, escaped quotes included', () => {
    const text = '{"note":"id 2021121600698709710 \\"2021121600698709711\\" \\\\","n":2021121600698709712}';
    assert.equal(
      quoteLongIntegers(text),
      '{"note":"id 2021121600698709710 \\"2021121600698709711\\" \\\\","n":"2021121600698709712"}',
    );
    assert.deepEqual(parseLosslessJson(text), {
      note: 'id 2021121600698709710 "2021121600698709711" \\',
      n: '2021121600698709712',
    });
  });

  it('keeps 16+ digit numbers with exponents as numbers', () => {
    assert.deepEqual(parseLosslessJson('[12345678901234567e2, 1E+400000000000000000]'), [
      Number('12345678901234567e2'),
      Infinity,
    ]);
  });

  it('returns the same text when there is nothing to quote', () => {
    const text = '{"returnCode":"0000","info":{"amount":100}}';
    assert.equal(quoteLongIntegers(text), text);
  });
});

describe('parseLosslessJson', () => {
  it('turns id fields into exact bigint beyond 2^53, wherever they are', () => {
    const v = parseLosslessJson(
      '{"transactionId":9007199254740993,"list":[{"refundTransactionId":2021121600698710312,"originalTransactionId":"2021121600698709710"}]}',
    );
    assert.deepEqual(v, {
      transactionId: 9007199254740993n,
      list: [{ refundTransactionId: 2021121600698710312n, originalTransactionId: 2021121600698709710n }],
    });
  });

  it('turns short ids into bigint too, and leaves non-numeric id values alone', () => {
    assert.deepEqual(parseLosslessJson('{"transactionId":42,"x":{"transactionId":"abc"}}'), {
      transactionId: 42n,
      x: { transactionId: 'abc' },
    });
  });

  it('round-trips any 64-bit id written as a bare integer (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 63n) - 1n }), fc.string(), fc.integer(), (id, s, n) => {
        const text = `{"s":${JSON.stringify(s)},"transactionId":${id},"n":${n},"refundList":[{"refundTransactionId":${id}}]}`;
        assert.deepEqual(parseLosslessJson(text), {
          s,
          transactionId: id,
          n,
          refundList: [{ refundTransactionId: id }],
        });
      }),
    );
  });

  it('throws SyntaxError on text that is not JSON', () => {
    assert.throws(() => parseLosslessJson('<html>'), SyntaxError);
  });
});

// The recorded responses of reference §3.1, §3.3, §3.6, §3.7 and §3.9, ids bare as on the wire.
function answer(endpoint: V3Call['endpoint'], text: string) {
  return readAnswer({ endpoint, method: 'POST', path: '/', timeoutMs: 1 }, 200, text);
}

describe('recorded LINE Pay responses parse into the typed shapes', () => {
  it('§3.1 request', () => {
    const info = shapes.requestInfo(
      answer(
        'request',
        '{"returnCode":"0000","returnMessage":"Success.","info":{"paymentUrl":{"web":"https://sandbox-web-pay.line.me/web/payment/wait?transactionReserveId=REpEWEtt","app":"line://pay/payment/REpEWEtt"},"transactionId":2023042201206549310,"paymentAccessToken":"056579816895"}}',
      ),
    );
    assert.equal(info.transactionId, 2023042201206549310n);
    assert.equal(info.paymentAccessToken, '056579816895');
    assert.equal(info.paymentUrl.app, 'line://pay/payment/REpEWEtt');
  });

  it('§3.3 confirm', () => {
    const info = shapes.confirmInfo(
      answer(
        'confirm',
        '{"returnCode":"0000","returnMessage":"OK","info":{"orderId":"MKSI_M_20180904_1000001","transactionId":2018082512345678910,"payInfo":[{"method":"CREDIT_CARD","amount":900},{"method":"POINT","amount":100}]}}',
      ),
    );
    assert.deepEqual(info, {
      orderId: 'MKSI_M_20180904_1000001',
      transactionId: 2018082512345678910n,
      payInfo: [
        { method: 'CREDIT_CARD', amount: 900 },
        { method: 'POINT', amount: 100 },
      ],
    });
  });

  it('§3.6 payment details, refundAmount negative', () => {
    const [d, ...rest] = shapes.detailsInfo(
      answer(
        'paymentDetails',
        `{"returnCode":"0000","returnMessage":"Success.",
 "info":[{"transactionId":2021121600698709510,"transactionDate":"2021-12-16T00:27:40Z",
   "transactionType":"PAYMENT","productName":"Demo Product","currency":"TWD",
   "authorizationExpireDate":"2021-12-16T00:27:40Z",
   "payInfo":[{"method":"CREDIT_CARD","amount":1000}],
   "refundList":[{"refundTransactionId":2021121600698710312,"transactionType":"PARTIAL_REFUND",
                  "refundAmount":-20,"refundTransactionDate":"2021-12-16T00:50:15Z"}],
   "orderId":"20211216002","payStatus":"CAPTURE",
   "packages":[{"id":"c99abc79-","amount":1000,"userFeeAmount":0,
                "products":[{"name":"Demo Product","quantity":2,"price":500}]}]}]}`,
      ),
    );
    assert.equal(rest.length, 0);
    assert.ok(d);
    assert.equal(d.transactionId, 2021121600698709510n);
    assert.equal(d.payStatus, 'CAPTURE');
    assert.deepEqual(d.refundList, [
      {
        refundTransactionId: 2021121600698710312n,
        transactionType: 'PARTIAL_REFUND',
        refundAmount: -20,
        refundTransactionDate: '2021-12-16T00:50:15Z',
      },
    ]);
    assert.equal(d.packages?.[0]?.products?.[0]?.price, 500);
  });

  it('§3.6 details of a refund id carry originalTransactionId as bigint', () => {
    const [d] = shapes.detailsInfo(
      answer(
        'paymentDetails',
        '{"returnCode":"0000","returnMessage":"Success.","info":[{"transactionId":2021121600698710312,"transactionType":"PARTIAL_REFUND","originalTransactionId":2021121600698709510,"payInfo":[{"method":"CREDIT_CARD","amount":-20}]}]}',
      ),
    );
    assert.equal(d?.originalTransactionId, 2021121600698709510n);
  });

  it('§3.7 refund', () => {
    const info = shapes.refundInfo(
      answer(
        'refund',
        '{"returnCode":"0000","returnMessage":"success","info":{"refundTransactionId":2018082512345678911,"refundTransactionDate":"2018-08-25T09:15:01Z"}}',
      ),
    );
    assert.deepEqual(info, {
      refundTransactionId: 2018082512345678911n,
      refundTransactionDate: '2018-08-25T09:15:01Z',
    });
  });

  it('§3.9 pay preapproved', () => {
    const info = shapes.payPreapprovedInfo(
      answer(
        'payPreapproved',
        '{"returnCode":"0000","returnMessage":"OK","info":{"transactionId":2018123112345678910,"transactionDate":"2018-12-31T09:00:31Z"}}',
      ),
    );
    assert.deepEqual(info, { transactionId: 2018123112345678910n, transactionDate: '2018-12-31T09:00:31Z' });
  });

  it('an answer missing a promised field is BAD_RESPONSE', () => {
    assert.throws(
      () => shapes.refundInfo(answer('refund', '{"returnCode":"0000","returnMessage":"ok","info":{}}')),
      { name: 'LinePayError', returnCode: 'BAD_RESPONSE', endpoint: 'refund' },
    );
  });
});
