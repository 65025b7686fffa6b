/**
 * Replay of a recording (lib/record): every client that opens a session with the simulator gets the recorded
 * server-to-client frames with their original spacing (divided by `speed`). The simulator answers the handshake,
 * heartbeats and requests as usual; the recording only adds the events.
 *
 * Frames go out byte for byte when the client speaks the recording's version and registered no variable filter
 * (so a real server's quirks replay as they were); otherwise they are decoded and encoded again for the client.
 */
import { EventEmitter } from 'node:events';
import { decodeMessage, type CtiMessage } from '../protocol';
import { readRecording, type RecordedFrame, type Recording } from '../record/format';
import type { ClientSession } from './client-session';
import type { CtiSimulator } from './server';
import type { SimSessionInfo } from './types';

export interface ReplayOptions {
  /** Plays the recording this many times faster (0.5 = slower). Default 1. */
  speed?: number;
  /** Starts over after the last frame, for as long as the client stays. Default false. */
  loop?: boolean;
}

export interface ReplayStats {
  /** Sessions the recording was played to. */
  sessions: number;
  framesSent: number;
  /** Frames that could not be encoded for a client's version (logged). */
  framesSkipped: number;
  /** Sessions that reached the end of the recording (each loop counts). */
  completed: number;
}

/**
 * Not replayed: the session-level answers (the simulator gives its own) and every CONF, whose InvokeID answers a
 * request of the recording client and would settle an unrelated request of the replay client.
 */
function isReplayed(f: RecordedFrame): boolean {
  return f.dir === 'in' && !f.type.endsWith('_CONF');
}

interface Playable {
  /** ms after the session opened (recording time, before speed). */
  offset: number;
  source: RecordedFrame;
  /** Decoded once, for clients of another version; undefined when it cannot be decoded. */
  msg: CtiMessage | undefined;
}

/**
 * Serves a recording to every client of `sim` (events: 'played' (SimSessionInfo) when a session reached the end,
 * 'skipped' ({ sessionId, type, reason })). stop() ends every playback; the simulator's own stop() does too.
 */
export class Replay extends EventEmitter {
  readonly recording: Recording;
  readonly stats: ReplayStats = { sessions: 0, framesSent: 0, framesSkipped: 0, completed: 0 };
  private readonly frames: Playable[];
  private readonly speed: number;
  private readonly loop: boolean;
  private readonly players = new Map<number, () => void>();
  private stopped = false;
  private readonly onOpen = (info: SimSessionInfo): void => this.startPlayer(info);
  private readonly onClose = (info: SimSessionInfo): void => this.players.get(info.id)?.();

  constructor(
    private readonly sim: CtiSimulator,
    recording: Recording,
    opts: ReplayOptions = {},
  ) {
    super();
    const speed = opts.speed ?? 1;
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError('replay speed must be a positive number');
    this.speed = speed;
    this.loop = opts.loop === true;
    this.recording = recording;
    this.frames = playable(recording);
    // The recording's own SYSTEM_EVENT comes first, as recorded: the simulator sends none of its own.
    sim.announcesPeripheralStatus = false;
    sim.on('session-open', this.onOpen);
    sim.on('session-close', this.onClose);
  }

  /** Frames each session receives per round. */
  get frameCount(): number {
    return this.frames.length;
  }

  /** Stops serving: running playbacks end, new sessions get nothing. */
  stop(): void {
    this.stopped = true;
    this.sim.announcesPeripheralStatus = true;
    this.sim.off('session-open', this.onOpen);
    this.sim.off('session-close', this.onClose);
    for (const cancel of [...this.players.values()]) cancel();
  }

  private startPlayer(info: SimSessionInfo): void {
    if (this.stopped || info.standby) return;
    const session = this.sim.openSessions().find((s) => s.id === info.id);
    if (session === undefined) return;
    this.stats.sessions++;
    let timer: NodeJS.Timeout | undefined;
    let index = 0;
    let roundStart = Date.now();
    const cancel = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      this.players.delete(info.id);
    };
    this.players.set(info.id, cancel);
    const step = (): void => {
      timer = undefined;
      // Everything due by now goes out in this turn, in recorded order.
      while (index < this.frames.length && session.state === 'open') {
        const due = roundStart + this.frames[index].offset / this.speed;
        if (due > Date.now()) break;
        this.sendTo(session, this.frames[index]);
        index++;
      }
      if (session.state !== 'open' || this.sim.isStopped) return cancel();
      if (index >= this.frames.length) {
        this.stats.completed++;
        this.emit('played', session.info());
        if (!this.loop || this.frames.length === 0) return cancel();
        index = 0;
        roundStart = Date.now();
      }
      const wait = Math.max(0, roundStart + this.frames[index].offset / this.speed - Date.now());
      timer = setTimeout(step, wait);
    };
    // After the OPEN_CONF the simulator is sending right now, never before it.
    timer = setTimeout(step, 0);
  }

  private sendTo(session: ClientSession, f: Playable): void {
    const exact = session.version === f.source.version && session.registeredVariables === undefined;
    if (exact) {
      session.writeRaw(f.source.frame);
      this.stats.framesSent++;
      return;
    }
    if (f.msg !== undefined && session.send(f.msg)) {
      this.stats.framesSent++;
      return;
    }
    this.stats.framesSkipped++;
    const reason =
      f.msg === undefined
        ? `cannot be decoded in version ${f.source.version}`
        : `cannot be encoded for version ${session.version}`;
    this.sim.log(`replay: session ${session.id}: ${f.source.type} at ${f.source.t} ms skipped (${reason})`);
    this.emit('skipped', { sessionId: session.id, type: f.source.type, reason });
  }
}

/** The frames to replay, timed from the recorded OPEN_CONF (the moment the replay client's session opens). */
function playable(recording: Recording): Playable[] {
  const firstOpen = recording.frames.find((f) => f.dir === 'in' && f.type === 'OPEN_CONF');
  const base = firstOpen?.t ?? recording.frames.find(isReplayed)?.t ?? 0;
  return recording.frames.filter(isReplayed).map((source) => ({
    offset: Math.max(0, source.t - base),
    source,
    msg: tryDecode(source),
  }));
}

function tryDecode(f: RecordedFrame): CtiMessage | undefined {
  try {
    return decodeMessage(f.frame, f.version);
  } catch {
    return undefined;
  }
}

/** Serves the recording at `file` (or an already read one) to every client of `sim`. */
export function replay(sim: CtiSimulator, file: string | Recording, opts?: ReplayOptions): Replay {
  return new Replay(sim, typeof file === 'string' ? readRecording(file) : file, opts);
}
