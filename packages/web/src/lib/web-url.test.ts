import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isWebUrl } from './web-url.ts';

it('accepts http(s) URLs and nothing a merchant could turn into script or inline data', () => {
  assert.equal(isWebUrl('https://shop.example/members?x=1'), true);
  assert.equal(isWebUrl('http://127.0.0.1:8080/logo.png'), true);
  for (const bad of [
    null,
    '',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:image/svg+xml,<svg/>',
    '//x.example',
    'shop.example',
  ]) {
    assert.equal(isWebUrl(bad), false, String(bad));
  }
});
