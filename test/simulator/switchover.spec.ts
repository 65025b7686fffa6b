import assert from 'node:assert/strict';
import { type CtiMessage, EventCause, LocalConnectionState } from '../../lib/protocol';
import { CtiSimulatorPair, type SimCall } from '../../lib/simulator';
import { Fixture } from './helpers';
import { SVC } from './raw-client';

const PARTY_UPDATE = EventCause.byName.CEC_CALL_PARTY_UPDATE_IND;
const NONE = EventCause.byName.CEC_NONE;
const ALL_EVENTS = SVC.CTI_SERVICE_ALL_EVENTS;
const ALL_EVENTS_STANDBY = (SVC.CTI_SERVICE_ALL_EVENTS | SVC.CTI_SERVICE_ACTIVE_STANDBY) >>> 0;

const isFor =
  (call: SimCall) =>
  (m: CtiMessage): boolean =>
    m.connectionCallId === call.connectionCallId &&
    m.connectionDeviceIdType === call.connectionDeviceIdType &&
    m.connectionDeviceId === call.connectionDeviceId;

/** messageType:LocalConnectionState:EventCause of a call event, for compact sequence assertions. */
const brief = (m: CtiMessage): string =>
  m.messageType === 'BEGIN_CALL_EVENT'
    ? 'BEGIN'
    : `${m.messageType.replace(/^CALL_|_EVENT$/g, '')}:${LocalConnectionState.nameOf(m.localConnectionState)}:${m.eventCause}`;

describe('simulator: call state after a switchover (CEC_CALL_PARTY_UPDATE_IND)', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  async function pairWith(agents: string): Promise<CtiSimulatorPair> {
    const pair = new CtiSimulatorPair({ agents, logger: (l) => fx.logs.push(l) });
    fx.sims.push(pair);
    await pair.start();
    return pair;
  }

  it('an All Events client opening on the new active side is told every call in progress, then sees new calls normally', async () => {
    const pair = await pairWith('1001-1003');
    const a = pair.sideA;
    const connected = await a.startInboundCall({ agentId: '1001', answer: true });
    const alerting = await a.startInboundCall({ agentId: '1002' });
    const held = await a.startInboundCall({ agentId: '1003', answer: true });
    await a.holdCall(held);
    // Nobody is available: this call waits in the queue (its promise settles once an agent is free).
    const queuedDone = a.startInboundCall({});
    const queued = [...a.model.calls].find((c) => c.state === 'queued');
    assert.ok(queued, 'a queued call');

    await pair.switchover();
    assert.equal(pair.active, pair.sideB);
    const c = await fx.client(pair.sideB.port);
    assert.equal((await c.open({ servicesRequested: ALL_EVENTS })).messageType, 'OPEN_CONF');
    await c.next('SYSTEM_EVENT');
    const rebuilt = await c.until((m) => m.messageType === 'CALL_DELIVERED_EVENT' && isFor(queued)(m));
    assert.deepEqual(rebuilt.map(brief), [
      'BEGIN',
      `ESTABLISHED:LCS_CONNECT:${PARTY_UPDATE}`,
      'BEGIN',
      `DELIVERED:LCS_ALERTING:${PARTY_UPDATE}`,
      'BEGIN',
      `ESTABLISHED:LCS_HOLD:${PARTY_UPDATE}`,
      'BEGIN',
      `DELIVERED:LCS_QUEUED:${PARTY_UPDATE}`,
    ]);
    for (const [i, call] of [connected, connected, alerting, alerting, held, held, queued, queued].entries()) {
      assert.ok(
        isFor(call)(rebuilt[i]),
        `message ${i} (${rebuilt[i].messageType}) carries the ids of call ${call.key}`,
      );
    }
    assert.equal(rebuilt[0].ani, connected.ani, 'BEGIN_CALL carries the call context');
    assert.equal(rebuilt[1].answeringDeviceId, '1001');
    assert.equal(rebuilt[3].alertingDeviceId, '1002');
    assert.equal(rebuilt[5].answeringDeviceId, '1003');

    // The calls go on as usual; the client was already told about them, so no second BEGIN_CALL.
    await pair.sideB.releaseCall(connected);
    await pair.sideB.releaseCall(alerting);
    const late = await queuedDone; // the queued call went to a freed agent
    assert.equal(late, queued);
    const fresh = await pair.sideB.startInboundCall({ agentId: '1002', answer: true });
    await c.next((m) => m.messageType === 'CALL_ESTABLISHED_EVENT' && isFor(fresh)(m));
    const after = c.messages.slice(c.messages.indexOf(rebuilt[rebuilt.length - 1]) + 1);
    assert.equal(after.filter((m) => m.messageType === 'BEGIN_CALL_EVENT' && !isFor(fresh)(m)).length, 0);
    const freshEvents = after.filter(isFor(fresh));
    assert.deepEqual(freshEvents.map(brief), [
      'BEGIN',
      `DELIVERED:LCS_INITIATE:${NONE}`, // trunk side
      `DELIVERED:LCS_ALERTING:${NONE}`,
      `ESTABLISHED:LCS_CONNECT:${NONE}`,
    ]);
    assert.equal(
      after.filter((m) => m.eventCause === PARTY_UPDATE).length,
      0,
      'only the rebuild uses CEC_CALL_PARTY_UPDATE_IND',
    );
    assert.deepEqual(after.filter((m) => isFor(queued)(m) && m.eventCause !== undefined).map(brief), [
      `DEQUEUED:LCS_NULL:${NONE}`,
      `DELIVERED:LCS_ALERTING:${NONE}`,
    ]);
    await pair.sideB.releaseCall(fresh);
    await pair.sideB.releaseCall(held);
    await pair.sideB.releaseCall(queued);
  });

  it('an All Events client already on the standby side gets the rebuild after STANDBY_ACTIVE_EVENT; Client Events clients do not', async () => {
    const pair = await pairWith('1001-1002');
    const onB = await fx.client(pair.sideB.port);
    assert.equal((await onB.open({ servicesRequested: ALL_EVENTS_STANDBY })).messageType, 'OPEN_CONF');
    const call = await pair.sideA.startInboundCall({ agentId: '1001', answer: true });
    const outbound = await pair.sideA.startOutboundCall({ agentId: '1002', answer: false });

    await pair.switchover();
    const seen = await onB.until((m) => m.messageType === 'CALL_DELIVERED_EVENT' && isFor(outbound)(m));
    assert.deepEqual(
      seen.map((m) =>
        m.messageType.startsWith('CALL_') || m.messageType === 'BEGIN_CALL_EVENT' ? brief(m) : m.messageType,
      ),
      [
        'STANDBY_ACTIVE_EVENT_MSG',
        'SYSTEM_EVENT',
        'BEGIN',
        `ESTABLISHED:LCS_CONNECT:${PARTY_UPDATE}`,
        'BEGIN',
        `DELIVERED:LCS_INITIATE:${PARTY_UPDATE}`,
      ],
    );
    assert.ok(isFor(call)(seen[3]));
    const ringing = seen[5];
    assert.ok(isFor(outbound)(ringing));
    assert.equal(ringing.alertingDeviceId, outbound.dialedNumber, 'the far end is alerting');

    const agent = await fx.client(pair.sideB.port);
    const conf = await agent.open({
      servicesRequested: SVC.CTI_SERVICE_CLIENT_EVENTS,
      peripheralId: 5000,
      agentExtension: '1001',
    });
    assert.equal(conf.messageType, 'OPEN_CONF');
    await agent.request({ messageType: 'HEARTBEAT_REQ' });
    assert.equal(
      agent.messages.some((m) => m.eventCause === PARTY_UPDATE || m.messageType === 'BEGIN_CALL_EVENT'),
      false,
    );
    await pair.sideB.releaseCall(call);
    await pair.sideB.releaseCall(outbound);
  });

  it('no rebuild on a side that was active from the start', async () => {
    const pair = await pairWith('1001-1002');
    const call = await pair.sideA.startInboundCall({ agentId: '1001', answer: true });
    const c = await fx.client(pair.sideA.port);
    await c.open({ servicesRequested: ALL_EVENTS });
    await c.next('SYSTEM_EVENT');
    await pair.sideA.releaseCall(call);
    const seen = await c.until('END_CALL_EVENT');
    assert.deepEqual(
      seen.map((m) => m.messageType),
      ['BEGIN_CALL_EVENT', 'CALL_CONNECTION_CLEARED_EVENT', 'CALL_CLEARED_EVENT', 'END_CALL_EVENT'],
    );
    assert.equal(
      c.messages.some((m) => m.eventCause === PARTY_UPDATE),
      false,
    );
  });
});
