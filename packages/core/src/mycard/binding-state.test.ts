import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type BindingEvent,
  type BindingStatus,
  effectiveBindingStatus,
  holdsCode,
  nextBindingStatus,
} from './binding-state.ts';

const now = new Date('2026-11-23T01:00:00Z');
const later = new Date(now.getTime() + 600_000);
const facts = (status: BindingStatus, expiresAt = later) => ({ status, expiresAt });
const codeOf = (status: BindingStatus, event: BindingEvent, at = now) => {
  const r = nextBindingStatus(facts(status), event, at);
  return r.ok ? r.value : r.code;
};

describe('binding transitions', () => {
  it('reserve → apply → callback SUCCESS is the only way to ACTIVE', () => {
    assert.equal(codeOf('RESERVED', 'apply'), 'APPLIED');
    assert.equal(codeOf('APPLIED', 'callback-success'), 'ACTIVE');
    assert.equal(codeOf('ACTIVE', 'merchant-unbind'), 'UNBOUND');
    assert.equal(codeOf('ACTIVE', 'shopper-unbind'), 'UNBOUND');
  });

  it('every out-of-order step has its own code', () => {
    assert.equal(codeOf('APPLIED', 'apply'), '3103', 'apply twice');
    assert.equal(codeOf('RESERVED', 'callback-success'), '3106', 'callback before apply');
    assert.equal(codeOf('ACTIVE', 'apply'), '3107', 'apply after activation');
    assert.equal(codeOf('ACTIVE', 'callback-success'), '3107', 'callback replay');
    assert.equal(codeOf('UNBOUND', 'apply'), '3107');
    assert.equal(codeOf('FAILED', 'apply'), '3108');
    assert.equal(codeOf('CANCELLED', 'callback-success'), '3108');
    assert.equal(codeOf('EXPIRED', 'apply'), '3102');
    assert.equal(codeOf('UNBOUND', 'merchant-unbind'), '3112');
    assert.equal(codeOf('RESERVED', 'merchant-unbind'), '3112');
  });

  it('FAIL and CANCEL end a pending binding, never an active one', () => {
    assert.equal(codeOf('RESERVED', 'callback-fail'), 'FAILED');
    assert.equal(codeOf('APPLIED', 'callback-cancel'), 'CANCELLED');
    assert.equal(codeOf('ACTIVE', 'callback-fail'), '3107');
    assert.equal(codeOf('RESERVED', 'shopper-unbind'), 'CANCELLED');
  });

  it('a pending binding expires at its time exactly, and then refuses every step with 3102', () => {
    assert.equal(effectiveBindingStatus(facts('RESERVED'), new Date(later.getTime() - 1)), 'RESERVED');
    assert.equal(effectiveBindingStatus(facts('RESERVED'), later), 'EXPIRED');
    assert.equal(effectiveBindingStatus(facts('APPLIED'), later), 'EXPIRED');
    assert.equal(effectiveBindingStatus(facts('ACTIVE'), later), 'ACTIVE', 'an active card never expires');
    for (const event of ['apply', 'callback-success', 'callback-fail', 'callback-cancel'] as const) {
      assert.equal(codeOf('RESERVED', event, later), '3102', event);
      assert.equal(codeOf('APPLIED', event, later), '3102', event);
    }
  });

  it('only APPLIED and ACTIVE bindings keep a code', () => {
    assert.deepEqual(
      (['RESERVED', 'APPLIED', 'ACTIVE', 'FAILED', 'CANCELLED', 'EXPIRED', 'UNBOUND'] as const).filter(
        holdsCode,
      ),
      ['APPLIED', 'ACTIVE'],
    );
  });
});
