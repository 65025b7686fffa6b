/**
 * The recording file format (README "Recording and replay"): JSON Lines. The first line is the header, then one
 * line per frame. Reading is liberal: a line that is not JSON, or a frame line without usable hex, is counted and
 * skipped, so a file cut short by a crash still replays up to where it ends.
 */
import * as fs from 'node:fs';
import { messageTypeName } from '../protocol';

export const RECORDING_FORMAT = 'cti-recording';
export const RECORDING_FORMAT_VERSION = 1;

export interface RecordingHeader {
  format: typeof RECORDING_FORMAT;
  formatVersion: number;
  /** Protocol version of the session's frames (a frame line's "v" overrides it for that frame). */
  protocolVersion: number;
  /** PeripheralID the session asked for (OPEN_REQ), when it named one. */
  peripheralId?: number;
  /** ISO time of the first frame (t = 0). */
  startTime: string;
  masked: boolean;
  maskAgents: boolean;
  /** 1 for the first file of a recording, 2 for the file started by the first rotation, … */
  part: number;
  /** What the recorder was asked to do (path, limits, mask flags, the session's endpoints and services). */
  options: Record<string, unknown>;
}

export interface FrameLine {
  /** Milliseconds since the header's startTime. */
  t: number;
  /** "in": sent by the CTI Server to the client; "out": sent by the client. */
  dir: 'in' | 'out';
  /** The MessageType name, or its number when the catalog does not know it. */
  type: string | number;
  /** The whole frame, 8-byte header included. Absent when its content was dropped (see `dropped`). */
  hex?: string;
  /** Protocol version of this frame when it differs from the header's (version auto stepping down). */
  v?: number;
  /** Why the content was left out (masking could not decode it); `bytes` is its original size. */
  dropped?: string;
  bytes?: number;
}

/** One frame of a recording, ready to replay. */
export interface RecordedFrame {
  t: number;
  dir: 'in' | 'out';
  typeId: number;
  type: string;
  version: number;
  frame: Buffer;
}

export interface Recording {
  header: RecordingHeader;
  frames: RecordedFrame[];
  /** Lines skipped: not JSON, no frame, content dropped while recording. */
  skipped: number;
}

export function typeLabel(typeId: number): string | number {
  return messageTypeName(typeId) ?? typeId;
}

/** Parses a recording's text. Throws a clear Error when there is no valid header line. */
export function parseRecording(text: string, source = 'recording'): Recording {
  const lines = text.split('\n');
  let header: RecordingHeader | undefined;
  const frames: RecordedFrame[] = [];
  let skipped = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      if (header === undefined) throw new Error(`${source}: line ${i + 1} is not JSON; expected the header line`);
      skipped++;
      continue;
    }
    if (header === undefined) {
      header = checkHeader(parsed, source);
      continue;
    }
    const frame = toFrame(parsed, header.protocolVersion);
    if (frame === undefined) skipped++;
    else frames.push(frame);
  }
  if (header === undefined) throw new Error(`${source}: empty file, no header line`);
  return { header, frames, skipped };
}

export function readRecording(path: string): Recording {
  return parseRecording(fs.readFileSync(path, 'utf8'), path);
}

function checkHeader(v: unknown, source: string): RecordingHeader {
  const h = v as Partial<RecordingHeader> | null;
  if (h === null || typeof h !== 'object' || h.format !== RECORDING_FORMAT) {
    throw new Error(`${source}: the first line is not a ${RECORDING_FORMAT} header`);
  }
  if (typeof h.formatVersion !== 'number' || h.formatVersion > RECORDING_FORMAT_VERSION) {
    throw new Error(
      `${source}: format version ${String(h.formatVersion)} is newer than this package reads (${RECORDING_FORMAT_VERSION})`,
    );
  }
  if (typeof h.protocolVersion !== 'number' || !Number.isInteger(h.protocolVersion)) {
    throw new Error(`${source}: the header has no protocolVersion`);
  }
  return h as RecordingHeader;
}

function toFrame(v: unknown, defaultVersion: number): RecordedFrame | undefined {
  const l = v as Partial<FrameLine> | null;
  if (l === null || typeof l !== 'object' || typeof l.hex !== 'string' || typeof l.t !== 'number') return undefined;
  if (l.dir !== 'in' && l.dir !== 'out') return undefined;
  if (!/^([0-9a-f]{2})+$/i.test(l.hex) || l.hex.length < 16) return undefined;
  const frame = Buffer.from(l.hex, 'hex');
  const typeId = frame.readUInt32BE(4);
  return {
    t: l.t,
    dir: l.dir,
    typeId,
    type: String(typeLabel(typeId)),
    version: typeof l.v === 'number' ? l.v : defaultVersion,
    frame,
  };
}
