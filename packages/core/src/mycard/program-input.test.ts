import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readApply, readUnbind } from './merchant-inputs.ts';
import { readProgramCreate, readProgramUpdate } from './program-input.ts';

const good = { name: ' Tea Club ', codeType: 'EAN13', bindingUrl: 'https://shop.example/bind' };
const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

describe('program input', () => {
  it('fills defaults on create: no logo, an empty template, no group', () => {
    const r = readProgramCreate(good, false);
    assert.ok(r.ok);
    assert.deepEqual(r.value, {
      name: 'Tea Club',
      logoUrl: null,
      codeType: 'EAN13',
      bindingUrl: 'https://shop.example/bind',
      detail: { type: 'TEMPLATE', benefits: '', terms: '', contact: '' },
      groupId: null,
    });
  });

  it('allows http URLs only in sandbox mode', () => {
    const http = { ...good, bindingUrl: 'http://localhost:3000/bind' };
    assert.equal(code(readProgramCreate(http, false)), '2101');
    assert.equal(code(readProgramCreate(http, true)), 'ok');
    assert.equal(code(readProgramCreate({ ...good, logoUrl: 'javascript:alert(1)' }, true)), '2101');
    assert.equal(code(readProgramCreate({ ...good, bindingUrl: 'https://u:p@shop.example/' }, true)), '2101');
  });

  it('limits names and template texts and refuses control characters', () => {
    assert.equal(code(readProgramCreate({ ...good, name: 'x'.repeat(101) }, false)), '2101');
    assert.equal(code(readProgramCreate({ ...good, name: '   ' }, false)), '2101');
    assert.equal(code(readProgramCreate({ ...good, codeType: 'PDF417' }, false)), '2101');
    const template = (benefits: string) =>
      readProgramCreate({ ...good, detail: { type: 'TEMPLATE', benefits } }, false);
    assert.equal(code(template('<b>10% off</b>\nline two')), 'ok', 'markup is stored as plain text');
    assert.equal(code(template('x'.repeat(2001))), '2101');
    assert.equal(code(template('bell\u0007')), '2101');
    assert.equal(code(readProgramCreate({ ...good, detail: { type: 'HTML' } }, false)), '2101');
    const external = readProgramCreate(
      { ...good, detail: { type: 'EXTERNAL', url: 'https://shop.example/c' } },
      false,
    );
    assert.ok(external.ok);
    assert.deepEqual(external.value.detail, { type: 'EXTERNAL', url: 'https://shop.example/c' });
  });

  it('update has PATCH semantics; null clears the logo and the group', () => {
    const r = readProgramUpdate({ logoUrl: null, groupId: null, name: 'New' }, false);
    assert.ok(r.ok);
    assert.deepEqual(r.value, { name: 'New', logoUrl: null, groupId: null });
    assert.equal(code(readProgramUpdate({}, false)), '2101');
    assert.equal(code(readProgramUpdate({ unknown: 1 }, false)), '2101');
  });
});

describe('merchant inputs', () => {
  const token = 'A'.repeat(86);
  it('apply needs a token of the right shape and a membership code', () => {
    assert.equal(code(readApply({ token, membershipCode: 'M1' })), 'ok');
    assert.equal(code(readApply({ token: 'short', membershipCode: 'M1' })), '3101');
    assert.equal(code(readApply({ membershipCode: 'M1' })), '2101');
    assert.equal(code(readApply({ token })), '2101');
    assert.equal(code(readApply({ token, membershipCode: 'M1', displayName: 'x'.repeat(101) })), '2101');
  });

  it('unbind takes exactly one of membershipCode or bindingId', () => {
    assert.equal(code(readUnbind({ membershipCode: 'M1' })), 'ok');
    assert.equal(code(readUnbind({ bindingId: 'BABCDEFGH' })), 'ok');
    assert.equal(code(readUnbind({ membershipCode: 'M1', bindingId: 'BABCDEFGH' })), '2101');
    assert.equal(code(readUnbind({})), '2101');
    assert.equal(code(readUnbind({ bindingId: 'not an id' })), '2101');
  });
});
