import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactQuery } from './log-serializers.ts';

describe('redactQuery', () => {
  it('hides the binding token of a My Card callback but keeps the rest readable', () => {
    assert.equal(
      redactQuery('/mycard/bindings/b1/callback?token=abc_DEF-123&channelId=1234567890&status=SUCCESS'),
      '/mycard/bindings/b1/callback?token=[redacted]&channelId=1234567890&status=SUCCESS',
    );
  });

  it('hides OpenID Connect codes and state, and reserve ids, whatever their case or encoding', () => {
    assert.equal(
      redactQuery('/api/session/oidc/callback?code=SplxlOBeZQQYbYS6WxSbIA&State=xyz'),
      '/api/session/oidc/callback?code=[redacted]&State=[redacted]',
    );
    assert.equal(
      redactQuery('/web/payment/wait?transactionReserveId=UkVT'),
      '/web/payment/wait?transactionReserveId=[redacted]',
    );
    assert.equal(redactQuery('/x?%74oken=secret'), '/x?%74oken=[redacted]');
  });

  it('leaves URLs without secrets untouched', () => {
    for (const url of [
      '/v3/payments',
      '/v3/payments?transactionId=1&orderId=a%20b',
      '/x?token',
      '/x?%E0%A4%A=1',
    ]) {
      assert.equal(redactQuery(url), url);
    }
  });
});
