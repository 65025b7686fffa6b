import assert from 'node:assert/strict';
import { encodeMessage, type CtiMessage, StatusCode } from '../../lib/protocol';
import type { SimRequestInfo } from '../../lib/simulator';
import { Fixture } from './helpers';
import { SVC, withoutFloatingField } from './raw-client';

const S = StatusCode.byName;
/** OPEN_REQ's fixed body in every version this package speaks: eleven UINTs. */
const OPEN_REQ_FIXED = 44;
const CLIENT_PASSWORD_TAG = 2;

function openReq(fields: Partial<CtiMessage> = {}): CtiMessage {
  return {
    messageType: 'OPEN_REQ',
    invokeId: 7,
    versionNumber: 24,
    idleTimeout: 120,
    peripheralId: 0xffffffff,
    servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS,
    callMsgMask: 0,
    agentStateMask: 0,
    configMsgMask: 0,
    clientId: 'foreign',
    clientPassword: Buffer.alloc(0),
    ...fields,
  };
}

/** An OPEN_REQ as a client of `version` lays it out, encoded in `layoutVersion`'s layout with VersionNumber set. */
function frameFor(version: number, layoutVersion: number, extraFixed = 0): Buffer {
  const frame = encodeMessage(openReq({ versionNumber: version }), layoutVersion);
  if (extraFixed === 0) return frame;
  // A newer version with a longer fixed part: extra zero bytes after the fixed body.
  const out = Buffer.concat([
    frame.subarray(0, 8 + OPEN_REQ_FIXED),
    Buffer.alloc(extraFixed),
    frame.subarray(8 + OPEN_REQ_FIXED),
  ]);
  out.writeUInt32BE(out.length - 8, 0);
  return out;
}

describe('simulator: OPEN_REQ interop (foreign clients)', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  const versions: [string, Buffer][] = [
    ['v9 with one-byte floating tags', frameFor(9, 15)],
    ['v14 with one-byte floating tags', frameFor(14, 19)],
    ['v26 with a longer fixed part and two-byte tags', frameFor(26, 24, 8)],
    ['v0', frameFor(0, 24)],
  ];
  for (const [what, frame] of versions) {
    it(`answers an OPEN_REQ for ${what} with E_CTI_INVALID_VERSION, and logs why`, async () => {
      const sim = await fx.sim();
      const seen: SimRequestInfo[] = [];
      sim.on('request', (r: SimRequestInfo) => seen.push(r));
      const c = await fx.client(sim.port);
      c.sendRaw(frame);
      const ans = await c.next('FAILURE_CONF');
      assert.equal(StatusCode.nameOf(ans.status), 'E_CTI_INVALID_VERSION');
      assert.equal(ans.invokeId, 7);
      const version = frame.readUInt32BE(12);
      assert.ok(
        fx.logs.some((l) =>
          l.includes(`OPEN_REQ v${version} refused: E_CTI_INVALID_VERSION (version ${version} not in 15-25)`),
        ),
        fx.logs.join('\n'),
      );
      assert.deepEqual(
        seen.map((r) => [r.messageType, r.invokeId, r.refusedStatus]),
        [['OPEN_REQ', 7, S.E_CTI_INVALID_VERSION]],
      );
      // The connection stays usable: the client can step down to a version the server speaks.
      c.version = 24;
      assert.equal((await c.open()).messageType, 'OPEN_CONF');
    });
  }

  it('refuses a version outside a narrowed range (--versions 15-19) before decoding its v24 layout', async () => {
    const sim = await fx.sim({ versions: [15, 19] });
    const c = await fx.client(sim.port);
    c.sendRaw(frameFor(24, 24));
    assert.equal((await c.next('FAILURE_CONF')).status, S.E_CTI_INVALID_VERSION);
    assert.ok(fx.logs.some((l) => l.includes('version 24 not in 15-19')));
  });

  for (const v of [24, 19]) {
    it(`accepts a v${v} OPEN_REQ without ClientPassword when no password is configured, and logs it`, async () => {
      const sim = await fx.sim();
      const c = await fx.client(sim.port, v);
      const frame = withoutFloatingField(
        encodeMessage(openReq({ versionNumber: v }), v),
        OPEN_REQ_FIXED,
        CLIENT_PASSWORD_TAG,
        v,
      );
      assert.ok(frame.length < encodeMessage(openReq({ versionNumber: v }), v).length);
      c.sendRaw(frame);
      const conf = await c.next((m) => m.messageType === 'OPEN_CONF' || m.messageType === 'FAILURE_CONF');
      assert.equal(conf.messageType, 'OPEN_CONF');
      assert.equal(sim.openSessionCount, 1);
      assert.ok(fx.logs.some((l) => l.includes('OPEN_REQ from "foreign" has no ClientPassword field')));
      assert.equal((await c.request({ messageType: 'HEARTBEAT_REQ' })).messageType, 'HEARTBEAT_CONF');
    });
  }

  it('refuses an OPEN_REQ without ClientPassword with E_CTI_INVALID_PASSWORD when a password is configured', async () => {
    const sim = await fx.sim({ password: 'secret' });
    const c = await fx.client(sim.port);
    c.sendRaw(withoutFloatingField(encodeMessage(openReq(), 24), OPEN_REQ_FIXED, CLIENT_PASSWORD_TAG, 24));
    const ans = await c.next('FAILURE_CONF');
    assert.equal(StatusCode.nameOf(ans.status), 'E_CTI_INVALID_PASSWORD');
    assert.equal(sim.openSessionCount, 0);
    assert.ok(fx.logs.some((l) => l.includes('refused: E_CTI_INVALID_PASSWORD (no ClientPassword field)')));
  });

  it('still requires ClientID (E_CTI_REQUIRED_DATA_MISSING) when it is left out', async () => {
    const sim = await fx.sim();
    const c = await fx.client(sim.port);
    const CLIENT_ID_TAG = 1;
    c.sendRaw(withoutFloatingField(encodeMessage(openReq(), 24), OPEN_REQ_FIXED, CLIENT_ID_TAG, 24));
    assert.equal((await c.next('FAILURE_CONF')).status, S.E_CTI_REQUIRED_DATA_MISSING);
    assert.equal(sim.openSessionCount, 0);
  });
});
