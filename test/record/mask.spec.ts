import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { decodeMessage, encodeMessage, type CtiMessage } from '../../lib/protocol';
import { CtiSimulator } from '../../lib/simulator';
import { FrameMasker, Pseudonymizer, readRecording } from '../../lib/record';
import { PERIPHERAL, barrier, finish, lines, openRecordingSession, tempDir } from './helpers';

/** Distinctive values: none of them can occur in a recording by chance. */
const PII = {
  ani: '4155550143',
  dnis: '8885550199',
  dialedNumber: '8885550177',
  callerEnteredDigits: '99812734',
  callVariable1: 'ACCT-7733-SECRET',
  callVariable2: 'Mrs Jane Doe',
  callVariable10: 'tenth-var-value',
  namedVariable: 'CASE-55443322',
  namedArray: 'item-zebra-771',
  customerPhoneNumber: '+14155550666',
  customerAccountNumber: 'ACC-99887766',
};
const PASSWORD = 'pw-Very-Secret-42';

function hexOf(s: string): string {
  return Buffer.from(s, 'latin1').toString('hex');
}

/** Every way an original value could show up in the file: as text, or inside a frame's hex. */
function assertAbsent(text: string, value: string, what: string): void {
  assert.ok(!text.includes(value), `${what} "${value}" appears as text`);
  assert.ok(!text.toLowerCase().includes(hexOf(value)), `${what} "${value}" appears in a frame's hex`);
}

describe('record: PII masking', function () {
  const tmp = tempDir();
  let sim: CtiSimulator;

  beforeEach(async function () {
    sim = new CtiSimulator({ port: 0, peripheralId: PERIPHERAL, agents: '1001-1003', password: PASSWORD });
    await sim.start();
  });
  afterEach(async function () {
    await sim.stop();
  });
  after(() => tmp.remove());

  /** One inbound call carrying every PII field, answered, its data updated, released; recorded to `file`. */
  async function recordCall(file: string, mask: { mask?: boolean; maskAgents?: boolean } = {}): Promise<void> {
    const s = await openRecordingSession(sim, { path: file, ...mask }, { clientPassword: PASSWORD });
    const call = await sim.startInboundCall({
      agentId: '1001',
      ani: PII.ani,
      dnis: PII.dnis,
      dialedNumber: PII.dialedNumber,
      callerEnteredDigits: PII.callerEnteredDigits,
      callVariables: { 1: PII.callVariable1, 2: PII.callVariable2, 10: PII.callVariable10 },
      namedVariables: [{ name: 'user.case', value: PII.namedVariable }],
      namedArrays: [{ name: 'user.items', index: 0, value: PII.namedArray }],
      answer: true,
    });
    await sim.setCallData(call, {
      customerPhoneNumber: PII.customerPhoneNumber,
      customerAccountNumber: PII.customerAccountNumber,
    });
    await sim.releaseCall(call);
    await barrier(s);
    await finish(s);
  }

  it('leaves no original ANI, DNIS, dialed number, digits, call variable, ECC or customer value in the file', async function () {
    const file = tmp.file('masked.jsonl');
    await recordCall(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const [what, value] of Object.entries(PII)) assertAbsent(text, value, what);
    assertAbsent(text, PASSWORD, 'ClientPassword');
    const header = lines(file)[0];
    assert.equal(header.masked, true);
  });

  it('the control: without masking the same values are in the file (so the check above can fail)', async function () {
    const file = tmp.file('plain.jsonl');
    await recordCall(file, { mask: false });
    const text = fs.readFileSync(file, 'utf8').toLowerCase();
    for (const value of Object.values(PII)) assert.ok(text.includes(hexOf(value)), `${value} missing unmasked`);
    // The password is never recorded, masked or not.
    assertAbsent(fs.readFileSync(file, 'utf8'), PASSWORD, 'ClientPassword');
  });

  it('every frame still decodes strictly; pseudonyms are consistent within the file and keep lengths and digits', async function () {
    const plainFile = tmp.file('plain2.jsonl');
    await recordCall(plainFile, { mask: false });
    const file = tmp.file('masked2.jsonl');
    await recordCall(file);
    const masked = readRecording(file);
    const plain = readRecording(plainFile);
    assert.equal(masked.skipped, 0);
    const decode = (f: { frame: Buffer; version: number }): CtiMessage =>
      decodeMessage(f.frame, f.version, { strict: true });
    const maskedMsgs = masked.frames.map(decode);
    const plainMsgs = plain.frames.map(decode);
    // Same call, same events, same order: masking changes values, never structure.
    assert.deepEqual(
      maskedMsgs.map((m) => m.messageType),
      plainMsgs.map((m) => m.messageType),
    );
    const anis = new Set(maskedMsgs.filter((m) => m.ani !== undefined).map((m) => m.ani as string));
    assert.equal(anis.size, 1, `one pseudonym for the ANI in the whole file, got ${[...anis].join(', ')}`);
    const ani = [...anis][0];
    assert.notEqual(ani, PII.ani);
    assert.equal(ani.length, PII.ani.length);
    assert.match(ani, /^\d+$/);
    // The caller's number as CallingDeviceID is the same number: the same pseudonym.
    const calling = maskedMsgs.filter(
      (m) => m.callingDeviceId !== undefined && m.messageType === 'CALL_DELIVERED_EVENT',
    );
    assert.ok(
      calling.some((m) => m.callingDeviceId === ani),
      'CallingDeviceID masked like the ANI',
    );
    // Call variables: same length, same shape (letters stay letters, digits digits, '-' kept).
    const begin = maskedMsgs.find((m) => m.messageType === 'BEGIN_CALL_EVENT')!;
    assert.equal(begin.callVariable1.length, PII.callVariable1.length);
    assert.match(begin.callVariable1, /^[A-Z]{4}-\d{4}-[A-Z]{6}$/);
    assert.equal(begin.namedVariables[0].name, 'user.case', 'ECC names are configuration, kept');
    assert.equal(begin.namedVariables[0].value.length, PII.namedVariable.length);
    // Every frame has the same length as unmasked (lengths kept); call IDs are not masked.
    for (let i = 0; i < masked.frames.length; i++) {
      assert.equal(masked.frames[i].frame.length, plain.frames[i].frame.length, `frame ${i} length`);
    }
    const callIds = new Set(maskedMsgs.map((m) => m.connectionCallId).filter((id) => id !== undefined));
    assert.deepEqual([...callIds], [begin.connectionCallId]);
  });

  it('maskAgents also hides agent IDs, extensions and device IDs', async function () {
    const file = tmp.file('agents.jsonl');
    await recordCall(file, { maskAgents: true });
    const rec = readRecording(file);
    const msgs = rec.frames.map((f) => decodeMessage(f.frame, f.version, { strict: true }));
    const agentIds = msgs.filter((m) => typeof m.agentId === 'string' && m.agentId !== '').map((m) => m.agentId);
    assert.ok(agentIds.length > 0, 'agent events recorded');
    assert.ok(!agentIds.includes('1001'), 'agent 1001 appears unmasked');
    assert.ok(new Set(agentIds).size === 1, 'one pseudonym for the one agent');
    assert.equal(rec.header.maskAgents, true);
  });

  it('pseudonyms differ between recordings (a per-recording random key)', function () {
    const a = new Pseudonymizer();
    const b = new Pseudonymizer();
    const values = ['4155550143', '8885550199', 'ACCT-7733-SECRET'];
    assert.notDeepEqual(
      values.map((v) => a.of(v)),
      values.map((v) => b.of(v)),
    );
    assert.deepEqual(
      values.map((v) => a.of(v)),
      values.map((v) => a.of(v)),
    );
  });

  it('a value never maps onto itself, even a single digit', function () {
    for (let i = 0; i < 200; i++) {
      const p = new Pseudonymizer();
      for (const d of '0123456789') assert.notEqual(p.of(d), d);
    }
  });

  it('a frame that cannot be decoded loses its content, counted; a frame without PII passes unchanged', function () {
    const masker = new FrameMasker({ mask: true, maskAgents: false });
    const delivered = encodeMessage(
      {
        messageType: 'BEGIN_CALL_EVENT',
        monitorId: 0,
        peripheralId: 5000,
        peripheralType: 17,
        numCtiClients: 0,
        numNamedVariables: 0,
        numNamedArrays: 0,
        callType: 1,
        connectionDeviceIdType: 0,
        connectionCallId: 7,
        calledPartyDisposition: 0,
        connectionDeviceId: '1001',
        ani: PII.ani,
      },
      24,
    );
    // Cut the frame short but keep a consistent length header: the fixed part is incomplete.
    const broken = Buffer.from(delivered.subarray(0, 20));
    broken.writeUInt32BE(12, 0);
    const r = masker.apply(broken, 24);
    assert.ok('dropped' in r, 'content dropped');
    assert.equal(masker.stats.framesDropped, 1);
    const heartbeat = encodeMessage({ messageType: 'HEARTBEAT_CONF', invokeId: 3 }, 24);
    const same = masker.apply(heartbeat, 24);
    assert.ok('frame' in same && same.frame.equals(heartbeat));
  });
});
