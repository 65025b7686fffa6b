/** How a call's context grows when a consult call is joined into it (transfer / conference). */
import assert from 'node:assert/strict';
import { mergeMissingContext } from '../../lib/calls/call-context';
import { newCallRecord } from '../../lib/calls/call-record';

describe('call context of a joined consult call', () => {
  it('fills what the surviving call lacks — fields, call variables, ECC scalars and array elements — and keeps its own', () => {
    const into = newCallRecord('a', false, 0, 1);
    into.data.ani = '111';
    // The record's sets are frozen and replaced as a whole (copy on write).
    into.callVariables = { 1: 'own' };
    into.ecc = { 'user.x': 'own', 'user.items': ['own-0'] };
    const from = newCallRecord('b', false, 0, 2);
    from.data.ani = '222';
    from.data.dnis = '800';
    from.callVariables = { 1: 'consult', 2: 'consult-2' };
    from.ecc = {
      'user.x': 'consult',
      'user.y': 'consult-y',
      'user.items': ['consult-0', 'consult-1'],
      'user.tags': [null, null, null, 't3'],
    };

    mergeMissingContext(into, from);

    assert.equal(into.data.ani, '111');
    assert.equal(into.data.dnis, '800');
    assert.deepEqual({ ...into.callVariables }, { 1: 'own', 2: 'consult-2' });
    assert.deepEqual(into.ecc, {
      'user.x': 'own',
      'user.items': ['own-0', 'consult-1'],
      'user.y': 'consult-y',
      'user.tags': [null, null, null, 't3'],
    });
    assert.ok(Object.isFrozen(into.ecc) && Object.isFrozen(into.ecc['user.items']), 'shared by snapshots: frozen');
  });
});
