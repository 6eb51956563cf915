import assert from 'node:assert/strict';
import { it } from 'node:test';
import { cardErrorCodes } from '../errors/index.ts';
import {
  brandOf,
  cardNetworkOutcome,
  failingTestCards,
  luhnValid,
  successTestCards,
  testCardFor,
} from './test-cards.ts';

it('validates Luhn and detects brands of the success cards', () => {
  for (const card of successTestCards) {
    assert.ok(luhnValid(card.number), card.number);
    assert.equal(brandOf(card.number), card.brand);
    assert.equal(cardNetworkOutcome(card.number), 'approved');
  }
  assert.ok(!luhnValid('4111111111111112'));
  assert.ok(!luhnValid('41111'));
  assert.equal(brandOf('9999999999999995'), undefined);
});

it('has one Luhn-valid failing card per card error code', () => {
  assert.equal(failingTestCards.length, cardErrorCodes.length);
  for (const { number, code } of failingTestCards) {
    assert.ok(luhnValid(number), number);
    assert.equal(number.length, 16);
    assert.equal(cardNetworkOutcome(number), code);
  }
  assert.equal(testCardFor('1298').slice(8, 12), '1298');
});
