import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { AgentState, type CtiMessage, encodeMessage, StatusCode } from '../../lib/protocol';
import { Fixture } from './helpers';
import { SVC } from './raw-client';

const S = StatusCode.byName;
const OPEN_REQ_FIXED = 44;
const CLIENT_ID_TAG = 1;
const ROOT = path.join(__dirname, '..', '..');

/**
 * Issue 24 part 6: what the simulator accepts of a third-party client's OPEN_REQ (a STRING without its NUL,
 * PeripheralID 0 from a bridge, masks with bits that name nothing) and what it keeps refusing. Decisions and
 * evidence: lib/simulator/open-tolerance.ts.
 */
function openReq(version: number, fields: Partial<CtiMessage> = {}): CtiMessage {
  return {
    messageType: 'OPEN_REQ',
    invokeId: 1,
    versionNumber: version,
    idleTimeout: 120,
    peripheralId: 0xffffffff,
    servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS,
    callMsgMask: version >= 23 ? 0xffffffff : 0x0fffffff,
    agentStateMask: 0x3fff,
    configMsgMask: 0,
    clientId: 'third-party',
    clientPassword: Buffer.alloc(0),
    ...fields,
  };
}

/** The frame with one STRING floating field's NUL terminator cut off (its length and MessageLength fixed). */
function withoutNul(frame: Buffer, tag: number, version: number): Buffer {
  const wide = version >= 20;
  const head = wide ? 4 : 2;
  const parts: Buffer[] = [frame.subarray(0, 8 + OPEN_REQ_FIXED)];
  for (let at = 8 + OPEN_REQ_FIXED; at < frame.length;) {
    const t = wide ? frame.readUInt16BE(at) : frame[at];
    const len = wide ? frame.readUInt16BE(at + 2) : frame[at + 1];
    if (t === tag) {
      assert.equal(frame[at + head + len - 1], 0, 'the encoder wrote a NUL');
      const field = Buffer.from(frame.subarray(at, at + head + len - 1));
      if (wide) field.writeUInt16BE(len - 1, 2);
      else field[1] = len - 1;
      parts.push(field);
    } else parts.push(frame.subarray(at, at + head + len));
    at += head + len;
  }
  const out = Buffer.concat(parts);
  out.writeUInt32BE(out.length - 8, 0);
  return out;
}

describe('simulator: OPEN_REQ from third-party clients (accepted deviations, kept refusals)', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  const logged = (text: string): string[] => fx.logs.filter((l) => l.includes(text));

  for (const v of [24, 19]) {
    it(`v${v}: a ClientID without its NUL terminator opens the session, logged once`, async () => {
      const sim = await fx.sim();
      const c = await fx.client(sim.port, v);
      const frame = withoutNul(encodeMessage(openReq(v, { clientId: `go-client-${v}` }), v), CLIENT_ID_TAG, v);
      c.sendRaw(frame);
      const conf = await c.next((m) => m.messageType === 'OPEN_CONF' || m.messageType === 'FAILURE_CONF');
      assert.equal(conf.messageType, 'OPEN_CONF', JSON.stringify(conf));
      assert.equal(sim.sessions()[0].clientId, `go-client-${v}`, 'read as the whole field');
      assert.equal(logged(`OPEN_REQ from "go-client-${v}" has clientId without its NUL terminator`).length, 1);
      assert.equal((await c.request({ messageType: 'HEARTBEAT_REQ' })).messageType, 'HEARTBEAT_CONF');
    });
  }

  it('a ClientID without its NUL that is also too long is still refused (E_CTI_BAD_MESSAGE_FORMAT family)', async () => {
    const sim = await fx.sim();
    const c = await fx.client(sim.port);
    const long = 'x'.repeat(70);
    const frame = withoutNul(encodeMessage(openReq(24, { clientId: 'x' }), 24), CLIENT_ID_TAG, 24);
    // Replace the 1-byte ClientID by 70 bytes (over the 64-byte maximum).
    const at = 8 + OPEN_REQ_FIXED;
    assert.equal(frame.readUInt16BE(at), CLIENT_ID_TAG, 'ClientID comes first');
    const field = Buffer.alloc(4 + long.length);
    field.writeUInt16BE(CLIENT_ID_TAG, 0);
    field.writeUInt16BE(long.length, 2);
    field.write(long, 4, 'latin1');
    const bad = Buffer.concat([frame.subarray(0, at), field, frame.subarray(at + 4 + 1)]);
    bad.writeUInt32BE(bad.length - 8, 0);
    c.sendRaw(bad);
    const ans = await c.next('FAILURE_CONF');
    assert.notEqual(ans.status, S.E_CTI_NO_ERROR);
    assert.equal(sim.openSessionCount, 0);
  });

  it('PeripheralID 0 from an All Events client reads as NULL_PERIPHERAL_ID: opened, events flow, logged once', async () => {
    const sim = await fx.sim({ agents: '1001' });
    const c = await fx.client(sim.port);
    const conf = await c.open({ clientId: 'bridge-0', peripheralId: 0 });
    assert.equal(conf.messageType, 'OPEN_CONF');
    await sim.startInboundCall({ agentId: '1001' });
    await c.next('CALL_DELIVERED_EVENT');
    assert.equal(logged('OPEN_REQ from "bridge-0" has PeripheralID 0 without Client Events').length, 1);
  });

  it('still refuses PeripheralID 0 from a Client Events client and another peripheral from a bridge', async () => {
    const sim = await fx.sim({ agents: '1001' });
    const desk = await fx.client(sim.port);
    const a = await desk.open({ servicesRequested: SVC.CTI_SERVICE_CLIENT_EVENTS, peripheralId: 0, agentId: '1001' });
    assert.deepEqual([a.messageType, a.status], ['FAILURE_CONF', S.E_CTI_INVALID_PERIPHERAL_ID]);
    const bridge = await fx.client(sim.port);
    const b = await bridge.open({ peripheralId: 77 });
    assert.deepEqual([b.messageType, b.status], ['FAILURE_CONF', S.E_CTI_INVALID_PERIPHERAL_ID]);
    assert.equal(sim.openSessionCount, 0);
  });

  it('AgentStateMask and ConfigMsgMask 0xFFFFFFFF: opened, unused bits masked off (logged once each), agent events flow', async () => {
    const sim = await fx.sim({ agents: '1001' });
    const c = await fx.client(sim.port);
    const conf = await c.open({ clientId: 'all-bits', agentStateMask: 0xffffffff, configMsgMask: 0xffffffff });
    assert.equal(conf.messageType, 'OPEN_CONF');
    await sim.setAgentState('1001', 'AGENT_STATE_NOT_READY');
    const ev = await c.next('AGENT_STATE_EVENT');
    assert.equal(ev.agentState, AgentState.byName.AGENT_STATE_NOT_READY);
    assert.equal(logged('"all-bits" has agentStateMask 0xffffffff: bits 0xffffc000 name no agent state').length, 1);
    assert.equal(
      logged('"all-bits" has configMsgMask 0xffffffff: bits 0xfffffec0 name no configuration item').length,
      1,
    );
  });

  it('v22 with CallMsgMask 0xFFFFFFFF: the NETWORK_RECORDING bits v22 lacks are masked off, call events flow', async () => {
    const sim = await fx.sim({ agents: '1001' });
    const c = await fx.client(sim.port, 22);
    const conf = await c.open({ clientId: 'scala-22', callMsgMask: 0xffffffff });
    assert.equal(conf.messageType, 'OPEN_CONF');
    await sim.startInboundCall({ agentId: '1001' });
    await c.next('CALL_DELIVERED_EVENT');
    assert.equal(logged('"scala-22" has callMsgMask 0xffffffff: bits 0xf0000000 name events version 22').length, 1);
  });

  it('still refuses ServicesRequested bits that name no service (E_CTI_INVALID_SERVICE_MASK)', async () => {
    const sim = await fx.sim();
    const c = await fx.client(sim.port);
    const ans = await c.open({ servicesRequested: 0x4000 | SVC.CTI_SERVICE_ALL_EVENTS });
    assert.deepEqual([ans.messageType, ans.status], ['FAILURE_CONF', S.E_CTI_INVALID_SERVICE_MASK]);
  });

  it('cti-sim --help says which deviations are accepted and which refused', () => {
    const out = spawnSync(process.execPath, ['-r', 'tsx/cjs', path.join(ROOT, 'cli', 'cti-sim.ts'), '--help'], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /Third-party clients/);
    assert.match(out.stdout, /accepted \(logged once per session\) — a STRING without its NUL/);
    assert.match(out.stdout, /Still refused — unknown ServicesRequested bits/);
  });
});
