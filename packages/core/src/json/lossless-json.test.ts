import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseJson, rawNumber, stringifyJson } from './lossless-json.ts';

it('writes bigints as bare 19-digit integers and raw numbers verbatim', () => {
  const text = stringifyJson({ transactionId: 2021121600698709710n, amount: rawNumber('10.25'), n: [1n] });
  assert.equal(text, '{"transactionId":2021121600698709710,"amount":10.25,"n":[1]}');
});

it('parses JSON without throwing', () => {
  assert.deepEqual(parseJson('{"a":1}'), { ok: true, value: { a: 1 } });
  assert.equal(parseJson('{"a":').ok, false);
});
