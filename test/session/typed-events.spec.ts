/**
 * The session is a typed emitter: `npm run typecheck` compiles this file, so each `@ts-expect-error` below must
 * be an error (a misspelt event or field does not compile) and each typed listener must fit its event.
 */
import assert from 'node:assert/strict';
import type { CallSnapshot } from '../../lib/calls';
import { CtiSession, type SessionStateInfo } from '../../lib/session';
import type { CallDeliveredEvent } from '../../lib/protocol';

describe('CtiSession typed events', () => {
  it('types each event: state info, messages by type name, protocol warnings', () => {
    const s = new CtiSession({ sideA: { host: '127.0.0.1', port: 1 }, clientId: 'types' });
    const seen: number[] = [];
    s.on('CALL_DELIVERED_EVENT', (e: CallDeliveredEvent, call?: CallSnapshot) => {
      const id: number = e.connectionCallId;
      seen.push(id, call?.connectionCallId ?? -1);
    });
    s.on('state', (i: SessionStateInfo) => {
      const key: string = i.reasonKey;
      const warnings: number = i.protocolWarnings.total;
      seen.push(key.length, warnings);
    });
    s.on('protocol-warning', (w) => seen.push(w.count, w.messageTypeId));
    s.on('frame', (f) => seen.push(f.type, f.frame.length));
    // @ts-expect-error a misspelt field does not compile
    s.on('CALL_DELIVERED_EVENT', (e) => seen.push(e.conectionCallId));
    // @ts-expect-error a misspelt event name does not compile
    s.on('CALL_DELIVERD_EVENT', () => undefined);
    // @ts-expect-error the state listener gets SessionStateInfo, not a string
    s.on('state', (i: string) => seen.push(i.length));
    assert.equal(s.listenerCount('CALL_DELIVERED_EVENT'), 2);
    s.removeAllListeners();
  });
});
