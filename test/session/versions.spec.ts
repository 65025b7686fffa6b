/**
 * Every protocol version the package speaks (15–25) opens a session against the simulator, with the default
 * options and with every service: each OPEN_REQ mask holds only the bits that version defines (a server of an
 * older version refuses the others, e.g. the NETWORK_RECORDING CallMsgMask bits of PV23).
 */
import assert from 'node:assert/strict';
import { CtiSimulator } from '../../lib/simulator';
import { CtiOptionsError, CtiSession, type CtiSessionOptions } from '../../lib/session';
import { CallEventMask, ServiceMask, SUPPORTED_VERSIONS, maskBitsDefinedIn, type CtiMessage } from '../../lib/protocol';
import type { SimSessionInfo } from '../../lib/simulator/types';
import { startSimulator, waitForEvent } from './helpers';

const EVERY_SERVICE = Object.keys(ServiceMask.byName);

describe('CtiSession at every protocol version', function () {
  const sims: CtiSimulator[] = [];
  let sim: CtiSimulator;

  before(async () => {
    sim = await startSimulator(sims, { agents: '1001-1005,1009', teams: '1=Team Blue@1001-1005/1009' });
  });

  after(async () => {
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });

  async function openAndClose(version: number, over: Partial<CtiSessionOptions> = {}): Promise<CtiMessage> {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port: sim.port },
      clientId: `v${version}`,
      version,
      reconnect: { maxOpenFailures: 1 },
      ...over,
    });
    try {
      const conf = await s.open();
      assert.equal(s.version, version);
      return conf;
    } finally {
      await s.close();
    }
  }

  for (const version of SUPPORTED_VERSIONS) {
    it(`v${version}: default options open; every mask within the version's bits`, async () => {
      const opened = waitForEvent<[SimSessionInfo]>(sim, 'session-open');
      const conf = await openAndClose(version);
      assert.equal(conf.messageType, 'OPEN_CONF');
      const [info] = await opened;
      assert.equal(info.version, version);
      // The default asks for every call event the version has.
      assert.equal(info.callMsgMask, (CallEventMask.allBits & maskBitsDefinedIn('callMsgMask', version)) >>> 0);
      assert.equal((info.servicesRequested ?? 0) & ~maskBitsDefinedIn('servicesRequested', version), 0);
    });

    // Every service includes CTI_SERVICE_SUPERVISOR, which only a team supervisor's agent may open (1009
    // here; for 1001 the open is refused, as the guide says).
    it(`v${version}: every service (Client Events and Supervisor for agent 1009 included) opens`, async () => {
      const conf = await openAndClose(version, {
        services: EVERY_SERVICE,
        peripheralId: 5000,
        agentExtension: '1009',
      });
      assert.equal(conf.messageType, 'OPEN_CONF');
      assert.ok(
        (conf.servicesGranted & ServiceMask.byName.CTI_SERVICE_CLIENT_EVENTS) !== 0,
        `granted ${ServiceMask.namesOf(conf.servicesGranted).join(', ')}`,
      );
    });
  }

  it('a mask bit the chosen version does not define is a configuration error naming it and its version', () => {
    assert.throws(
      () =>
        new CtiSession({
          sideA: { host: '127.0.0.1', port: 1 },
          clientId: 'x',
          version: 19,
          callMsgMask: ['CALL_DELIVERED_MASK', 'NETWORK_RECORDING_STARTED_MASK'],
        }),
      (e: unknown) =>
        e instanceof CtiOptionsError &&
        e.option === 'callMsgMask' &&
        /NETWORK_RECORDING_STARTED_MASK is not defined in protocol version 19 \(only from version 23\)/.test(e.message),
    );
    assert.equal(maskBitsDefinedIn('callMsgMask', 22) & 0xf0000000, 0);
    assert.equal(maskBitsDefinedIn('callMsgMask', 23) >>> 0, 0xffffffff);
  });
});
