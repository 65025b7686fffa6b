/**
 * The 2,000-byte ECC limit holds on the wire of every client: a call's ECC set goes to clients of all versions,
 * and two-byte floating headers (v20+) make the same set larger than one-byte headers (v15–19) do.
 */
import assert from 'node:assert/strict';
import { StatusCode, type CtiMessage } from '../../lib/protocol';
import { Fixture } from './helpers';
import { SVC } from './raw-client';

const S = StatusCode.byName;

/** Ten ECC variables of 199 bytes each with one-byte headers (1,990: fits), 201 each with two-byte ones (2,010). */
const NEAR_LIMIT = Array.from({ length: 10 }, (_, i) => ({ name: `user.var.${i}x`, value: 'v'.repeat(185) }));

describe('simulator: ECC limit across protocol versions', function () {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  it('MAKE_CALL_REQ from a v15 client whose ECC fits one-byte headers but not two-byte ones: FAILURE_CONF E_CTI_TOO_MUCH_DATA', async () => {
    const sim = await fx.sim({ eccVariables: NEAR_LIMIT.map((v) => v.name) });
    const v15 = await fx.client(sim.port, 15);
    await v15.open({
      clientId: 'v15-bridge',
      servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS | SVC.CTI_SERVICE_CLIENT_CONTROL,
    });
    const makeCall = (namedVariables: Array<{ name: string; value: string }>): CtiMessage => ({
      messageType: 'MAKE_CALL_REQ',
      peripheralId: 5000,
      callPlacementType: 0,
      callMannerType: 0,
      alertRings: 0,
      callOption: 0,
      facilityType: 0,
      answeringMachine: 0,
      priority: 0,
      postRoute: 0,
      skillGroupNumber: 0xffffffff,
      agentInstrument: '1001',
      dialedNumber: '555',
      namedVariables,
    });
    const refused = await v15.request(makeCall(NEAR_LIMIT));
    assert.equal(refused.messageType, 'FAILURE_CONF', JSON.stringify(refused));
    assert.equal(refused.status, S.E_CTI_TOO_MUCH_DATA);
    const made = await v15.request(makeCall(NEAR_LIMIT.slice(0, 9)));
    assert.equal(made.messageType, 'MAKE_CALL_CONF', JSON.stringify(made));
  });
});
