/**
 * The one fixture of the record/replay specs: temp files, a recording session, a barrier, the file's lines, one
 * recording made for a whole spec file, and the replay side (a fresh simulator per test, its replay, clients).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeMessage, type CtiMessage } from '../../lib/protocol';
import { CtiSession, type CtiSessionOptions } from '../../lib/session';
import { CtiSimulator, type CtiSimulatorOptions, type Replay } from '../../lib/simulator';
import { readRecording, recordSession, type Recorder, type RecorderOptions, type Recording } from '../../lib/record';

export const PERIPHERAL = 5000;

/** A fresh directory per spec file; remove() deletes it and everything in it. */
export function tempDir(): { dir: string; file(name: string): string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-record-'));
  return {
    dir,
    file: (name) => path.join(dir, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A session with the recorder that taps it (recordSession: attached before open, closed with the session). */
export type RecordingSession = CtiSession & { recorder: Recorder };

/** An All Events session to `sim` that records to `record`; heartbeats off (accelerated simulator clocks). */
export async function openRecordingSession(
  sim: CtiSimulator,
  record: RecorderOptions,
  extra: Partial<CtiSessionOptions> = {},
): Promise<RecordingSession> {
  const s = new CtiSession({
    sideA: { host: '127.0.0.1', port: sim.port },
    clientId: 'record-test',
    peripheralId: PERIPHERAL,
    heartbeatInterval: 0,
    services: ['ALL_EVENTS'],
    ...extra,
  });
  const recording = Object.assign(s, { recorder: recordSession(s, record) });
  s.on('error', () => undefined);
  await s.open();
  return recording;
}

/**
 * Resolves once everything the simulator sent before now has been read by the session: the simulator answers
 * requests in order on one socket, so the HEARTBEAT_CONF comes after every event written before it.
 */
export async function barrier(s: CtiSession): Promise<void> {
  await s.request({ messageType: 'HEARTBEAT_REQ' });
}

/** The JSON lines of a recording file. */
export function lines(file: string): Array<Record<string, unknown>> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Closes the session (its recorder closes with it) and waits until the file is complete. */
export async function finish(s: RecordingSession): Promise<void> {
  await s.close();
  await s.recorder.close();
}

/**
 * Records once (for a whole spec file): a simulator with `simOptions` on an OS-chosen port, a recording session
 * to it (`extra`: its options), `drive` doing what is to be recorded; then everything the simulator sent is read,
 * the file complete and the simulator stopped.
 */
export async function recordOnce(
  file: string,
  simOptions: Omit<CtiSimulatorOptions, 'port'>,
  drive: (sim: CtiSimulator, s: RecordingSession) => Promise<void>,
  extra: Partial<CtiSessionOptions> = {},
): Promise<Recording> {
  const sim = new CtiSimulator({ ...simOptions, port: 0 });
  await sim.start();
  try {
    const s = await openRecordingSession(sim, { path: file }, extra);
    await drive(sim, s);
    await barrier(s);
    await finish(s);
  } finally {
    await sim.stop();
  }
  return readRecording(file);
}

/** A replay client: what it received, decoded, and (when asked for) the frames as they arrived. */
export interface ReplayClient {
  session: CtiSession;
  seen: CtiMessage[];
  raw: Buffer[];
}

/** The replay side of a spec: `sim` is fresh for each test; the test sets `player`, closed after it. */
export interface ReplayFixture {
  readonly sim: CtiSimulator;
  player: Replay | undefined;
  /**
   * An All Events client of `sim` at `version` (heartbeats off); `seen` and `raw` are collected from before the
   * open, `raw` only of the incoming messages `keepRaw` picks.
   */
  client(
    version: number,
    opts?: { services?: string[]; keepRaw?: (messageType: string) => boolean },
  ): Promise<ReplayClient>;
}

/** Registers beforeEach / afterEach in the calling describe: a simulator with `simOptions` per test. */
export function replayFixture(simOptions: Omit<CtiSimulatorOptions, 'port'>): ReplayFixture {
  let sim: CtiSimulator | undefined;
  const sessions: CtiSession[] = [];
  const f: ReplayFixture = {
    get sim(): CtiSimulator {
      if (sim === undefined) throw new Error('the replay simulator runs only within a test');
      return sim;
    },
    player: undefined,
    async client(version, opts = {}) {
      const session = new CtiSession({
        sideA: { host: '127.0.0.1', port: f.sim.port },
        clientId: `replay-v${version}`,
        peripheralId: PERIPHERAL,
        version,
        heartbeatInterval: 0,
        services: opts.services ?? ['ALL_EVENTS'],
      });
      session.on('error', () => undefined);
      sessions.push(session);
      const seen: CtiMessage[] = [];
      session.on('message', (m: CtiMessage) => seen.push(m));
      const raw: Buffer[] = [];
      const keepRaw = opts.keepRaw;
      if (keepRaw)
        session.tapFrames((fr) => {
          if (fr.dir === 'in' && keepRaw(decodeMessage(fr.frame, version).messageType)) raw.push(Buffer.from(fr.frame));
        });
      await session.open();
      return { session, seen, raw };
    },
  };
  beforeEach(async function () {
    const s = new CtiSimulator({ ...simOptions, port: 0 });
    await s.start();
    sim = s;
  });
  afterEach(async function () {
    for (const s of sessions.splice(0)) await s.close();
    f.player?.stop();
    f.player = undefined;
    await sim?.stop();
    sim = undefined;
  });
  return f;
}
