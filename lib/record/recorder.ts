/**
 * Records a session's frames to a JSON Lines file (format.ts), masking PII on the way (mask.ts). It attaches from
 * outside through the session's frame tap (CtiSession.tapFrames), so recording never changes what the session
 * does and the session knows nothing of it; the file is written asynchronously (writer.ts).
 */
import { ServiceMask, messageTypeId } from '../protocol';
import { RECORDING_FORMAT, RECORDING_FORMAT_VERSION, typeLabel, type FrameLine, type RecordingHeader } from './format';
import { FrameMasker, type MaskStats } from './mask';
import { RotatingWriter, type WriterStats } from './writer';

/** What the session's frame tap hands over: a whole frame, header included (lib/session's SessionFrameEvent). */
export interface SessionFrame {
  dir: 'in' | 'out';
  type: number;
  frame: Buffer;
  at: number;
}

/**
 * The part of a CtiSession the recorder uses (a CtiSession fits). Written out here rather than imported, so this
 * folder does not depend on lib/session at all.
 */
export interface RecordableSession {
  /** Calls the listener with every frame from now on; returns the function that stops it. */
  tapFrames(listener: (f: SessionFrame) => void): () => void;
  readonly version: number;
  readonly isOpen: boolean;
  readonly options: {
    readonly peripheralId?: number;
    readonly clientId?: string;
    readonly sides?: ReadonlyArray<{ host: string; port: number }>;
    readonly servicesRequested?: number;
  };
}

export interface RecorderOptions {
  /** The file to write. Rotated files get .1, .2, …; a non-empty file already there becomes .1 first. */
  path: string;
  /** Start a new file before this one would grow past maxBytes. Default: no limit. */
  maxBytes?: number;
  /** Files kept with rotation, the current one included. Default 5. */
  maxFiles?: number;
  /** Replace caller / customer data by pseudonyms (see README). Default true. */
  mask?: boolean;
  /** Also mask agent IDs, names (configuration), extensions, instruments and device IDs. Default false. */
  maskAgents?: boolean;
  /** Bytes allowed to wait for the disk before lines are dropped. Default 8 MiB. */
  maxQueuedBytes?: number;
}

export interface RecorderStats {
  /** Frames seen on the session. */
  frames: number;
  /** Frame lines written to disk (header lines not counted). */
  linesWritten: number;
  bytesWritten: number;
  /** Lines lost because the disk could not keep up (or failed). */
  linesDropped: number;
  rotations: number;
  /** Since the first frame. */
  durationMs: number;
  mask: MaskStats;
  lastError?: Error;
}

const OPEN_REQ = messageTypeId('OPEN_REQ');
const OPEN_CONF = messageTypeId('OPEN_CONF');
/** Frames kept in memory while waiting for OPEN_CONF to tell which version the header names. */
const MAX_BEFORE_HEADER = 200;

interface PendingLine {
  at: number;
  line: Omit<FrameLine, 't'>;
  version: number;
}

export class Recorder {
  private readonly writer: RotatingWriter;
  private readonly masker: FrameMasker;
  private readonly opts: Required<Pick<RecorderOptions, 'mask' | 'maskAgents'>> & RecorderOptions;
  private header: RecordingHeader | undefined;
  private startAt = 0;
  private lastAt = 0;
  private frames = 0;
  private version: number;
  private pending: PendingLine[] = [];
  private closing: Promise<void> | null = null;
  private readonly untap: () => void;

  constructor(
    private readonly session: RecordableSession,
    options: RecorderOptions,
  ) {
    if (typeof options?.path !== 'string' || options.path === '') throw new TypeError('record: path is required');
    this.opts = { ...options, mask: options.mask ?? true, maskAgents: options.maskAgents ?? false };
    this.masker = new FrameMasker({ mask: this.opts.mask, maskAgents: this.opts.maskAgents });
    this.writer = new RotatingWriter(
      {
        path: options.path,
        maxBytes: options.maxBytes,
        maxFiles: options.maxFiles,
        maxQueuedBytes: options.maxQueuedBytes,
      },
      () => this.nextHeaderLine(),
    );
    this.version = session.version;
    this.untap = session.tapFrames((f) => this.record(f));
    // Attached to a session that is already open: no OPEN_CONF will come to say which version it speaks.
    if (session.isOpen) this.startHeader(Date.now());
  }

  get path(): string {
    return this.writer.path;
  }

  get closed(): boolean {
    return this.closing !== null;
  }

  get stats(): RecorderStats {
    const w: WriterStats = this.writer.stats;
    return {
      frames: this.frames,
      // The first header is a line of its own; rotated files' headers go out with their first batch, uncounted.
      linesWritten: Math.max(0, w.linesWritten - (this.header !== undefined ? 1 : 0)),
      bytesWritten: w.bytesWritten,
      linesDropped: w.linesDropped,
      rotations: w.rotations,
      durationMs: this.frames === 0 ? 0 : this.lastAt - this.startAt,
      mask: { ...this.masker.stats },
      ...(w.lastError !== undefined ? { lastError: w.lastError } : {}),
    };
  }

  /** Resolves once what was recorded so far is on disk. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Stops listening, writes what is queued and closes the file. Safe to call more than once. */
  close(): Promise<void> {
    if (this.closing === null) {
      this.untap();
      if (this.header === undefined) this.startHeader(this.frames > 0 ? this.startAt : Date.now());
      this.closing = this.writer.close();
    }
    return this.closing;
  }

  private record(f: SessionFrame): void {
    if (this.closing !== null) return;
    const frame = f.frame;
    if (frame.length < 8) return;
    const typeId = frame.readUInt32BE(4);
    // The version is the OPEN_REQ's until the next OPEN_REQ (version auto steps down, reconnects).
    if (f.dir === 'out' && typeId === OPEN_REQ && frame.length >= 16) this.version = frame.readUInt32BE(12);
    if (this.frames === 0) this.startAt = f.at;
    this.frames++;
    this.lastAt = f.at;
    const result = this.masker.apply(frame, this.version);
    const line: Omit<FrameLine, 't'> =
      'frame' in result
        ? { dir: f.dir, type: typeLabel(typeId), hex: result.frame.toString('hex') }
        : { dir: f.dir, type: typeLabel(typeId), dropped: result.dropped, bytes: frame.length };
    if (this.header !== undefined) {
      this.writeLine(f.at, line, this.version);
      return;
    }
    this.pending.push({ at: f.at, line, version: this.version });
    if ((f.dir === 'in' && typeId === OPEN_CONF) || this.pending.length >= MAX_BEFORE_HEADER) {
      this.startHeader(this.startAt);
    }
  }

  /** Writes the header (the version in use now) and the lines waiting for it. */
  private startHeader(at: number): void {
    this.startAt = at;
    this.header = {
      format: RECORDING_FORMAT,
      formatVersion: RECORDING_FORMAT_VERSION,
      protocolVersion: this.version,
      ...(this.session.options.peripheralId !== undefined && this.session.options.peripheralId !== 0xffffffff
        ? { peripheralId: this.session.options.peripheralId }
        : {}),
      startTime: new Date(at).toISOString(),
      masked: this.opts.mask,
      maskAgents: this.opts.maskAgents,
      part: 1,
      options: this.describeOptions(),
    };
    this.writer.write(JSON.stringify(this.header));
    const waiting = this.pending;
    this.pending = [];
    for (const p of waiting) this.writeLine(p.at, p.line, p.version);
  }

  private writeLine(at: number, line: Omit<FrameLine, 't'>, version: number): void {
    const out: FrameLine = { t: at - this.startAt, ...line };
    if (version !== this.header!.protocolVersion) out.v = version;
    this.writer.write(JSON.stringify(out));
  }

  /** Header of a file started by rotation: the same recording, the next part. */
  private nextHeaderLine(): string | undefined {
    if (this.header === undefined) return undefined;
    return JSON.stringify({ ...this.header, part: this.writer.stats.rotations + 1 });
  }

  private describeOptions(): Record<string, unknown> {
    const s = this.session.options;
    const o = this.opts;
    return {
      path: o.path,
      ...(o.maxBytes !== undefined ? { maxBytes: o.maxBytes } : {}),
      ...(o.maxBytes !== undefined ? { maxFiles: o.maxFiles ?? 5 } : {}),
      mask: o.mask,
      maskAgents: o.maskAgents,
      ...(s.clientId !== undefined ? { clientId: s.clientId } : {}),
      ...(s.sides !== undefined ? { sides: s.sides.map((e) => `${e.host}:${e.port}`) } : {}),
      ...(s.servicesRequested !== undefined ? { services: ServiceMask.namesOf(s.servicesRequested) } : {}),
    };
  }
}

/** Records `session` to a file until close(). See RecorderOptions. Throws when the file cannot be created. */
export function attachRecorder(session: RecordableSession, options: RecorderOptions): Recorder {
  return new Recorder(session, options);
}
