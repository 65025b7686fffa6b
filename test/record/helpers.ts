/** Shared pieces of the record/replay specs: temp files, a recording session, a barrier, the file's lines. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CtiSession, type CtiSessionOptions } from '../../lib/session';
import type { CtiSimulator } from '../../lib/simulator';
import { recordSession, type Recorder, type RecorderOptions } from '../../lib/record';

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
