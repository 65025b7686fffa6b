import { StatusCode, encodeMessage, messageTypeName } from '../protocol';
import { parseDuration } from './clock';
import type { ClientSession } from './client-session';
import { systemEvent } from './events';
import type { SimModel } from './model';

/** A type number no protocol version defines: stands for "a message type from a newer version". */
export const NEWER_MESSAGE_TYPE = 32767;
if (messageTypeName(NEWER_MESSAGE_TYPE) !== undefined)
  throw new Error('faults: NEWER_MESSAGE_TYPE is a known message type');

export interface FaultTarget {
  connectedSessions(): ClientSession[];
  readonly model: SimModel;
  log(line: string): void;
}

/**
 * Misbehaviour on demand, to see how a client copes. Raw faults go to every connected client.
 */
export class FaultInjector {
  /** Read by the sessions: silent = no answers, no events, no idle enforcement; delayMs before each answer. */
  readonly state = { silent: false, delayMs: 0 };

  constructor(private readonly target: FaultTarget) {}

  /** Resets every client connection at once (no FAILURE_EVENT, no FIN). */
  dropConnections(): void {
    this.target.log('fault: dropping every client connection');
    for (const s of this.target.connectedSessions()) s.close('fault: connection dropped', true);
  }

  /** Stops answering anything (heartbeats included) and stops sending events, until switched off. */
  setSilent(on: boolean): void {
    this.target.log(`fault: silent ${on ? 'on' : 'off'}`);
    this.state.silent = on;
  }

  /** Delays the handling of every request (and so its answer and events) by `ms` of the simulator's clock. */
  setDelay(ms: number): void {
    this.target.log(`fault: answer delay ${ms} ms`);
    this.state.delayMs = Math.max(0, ms);
  }

  /**
   * A frame whose header is fine but whose body is not a valid BEGIN_CALL_EVENT (16 bytes of 0xFF, shorter than
   * the fixed part): a client should report a bad message and may carry on with the next frame.
   */
  sendGarbage(): void {
    const frame = Buffer.alloc(8 + 16, 0xff);
    frame.writeUInt32BE(16, 0);
    frame.writeUInt32BE(23, 4);
    this.raw('garbage frame', () => frame);
  }

  /** The first half of a SYSTEM_EVENT, then the connection is closed: the client sees a frame cut short at EOF. */
  sendTruncatedFrame(): void {
    this.target.log('fault: truncated frame, then close');
    for (const s of this.target.connectedSessions()) {
      const whole = encodeMessage(systemEvent(this.target.model, 5, 0, 'truncated by fault injection'), s.version);
      s.writeRaw(whole.subarray(0, Math.floor(whole.length / 2)));
      s.close('fault: truncated frame');
    }
  }

  /** A header announcing 16 MB: the client must drop the connection (the stream cannot be resynchronised). */
  sendOversizedLength(): void {
    const frame = Buffer.alloc(16);
    frame.writeUInt32BE(0x00ffffff, 0);
    frame.writeUInt32BE(9, 4);
    this.raw('oversized MessageLength', () => frame);
  }

  /** A well-formed frame of a type the client cannot know (type 32767, 4-byte body): it should skip it. */
  sendNewerMessageType(): void {
    const frame = Buffer.alloc(12);
    frame.writeUInt32BE(4, 0);
    frame.writeUInt32BE(NEWER_MESSAGE_TYPE, 4);
    frame.writeUInt32BE(0xdeadbeef, 8);
    this.raw(`message type ${NEWER_MESSAGE_TYPE}`, () => frame);
  }

  /**
   * FAILURE_EVENT E_CTI_CTI_SERVER_OFFLINE to every client, leaving the sockets open: the guide says the
   * client must then close the session itself (and, with two sides, try the other).
   */
  sendServerOffline(): void {
    this.target.log('fault: FAILURE_EVENT E_CTI_CTI_SERVER_OFFLINE to every client');
    for (const s of this.target.connectedSessions()) s.sendFailureEvent(StatusCode.byName.E_CTI_CTI_SERVER_OFFLINE);
  }

  private raw(what: string, make: () => Buffer): void {
    this.target.log(`fault: sending ${what}`);
    for (const s of this.target.connectedSessions()) s.writeRaw(make());
  }
}

/** Fault names accepted by --fault and scenario "fault" steps. */
export const FAULT_NAMES = [
  'drop',
  'silent',
  'unsilent',
  'delay',
  'garbage',
  'truncated',
  'oversized',
  'newer-type',
  'peripheral-offline',
  'peripheral-online',
  'pg-offline',
  'pg-online',
  'switchover',
  'server-offline',
  'maintenance',
] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

export interface FaultSpec {
  name: FaultName;
  /** delay=<duration>: the delay. */
  valueMs?: number;
  /** <name>-after=<duration>: when to apply it. */
  afterMs?: number;
}

/**
 * Parses "silent", "silent-after=10s", "delay=500ms", "delay-after=5s:500ms" (apply a 500 ms delay after 5 s).
 */
export function parseFaultSpec(text: string): FaultSpec {
  const m = /^([a-z-]+?)(-after)?(?:=(.*))?$/.exec(text.trim());
  if (m === null) throw new RangeError(`bad fault "${text}"`);
  const name = m[1] as FaultName;
  if (!FAULT_NAMES.includes(name)) throw new RangeError(`unknown fault "${m[1]}" (one of: ${FAULT_NAMES.join(', ')})`);
  const spec: FaultSpec = { name };
  const value = m[3];
  if (m[2] !== undefined) {
    if (value === undefined) throw new RangeError(`fault "${text}" needs a time: ${name}-after=10s`);
    const [after, rest] = value.split(':');
    spec.afterMs = parseDuration(after);
    if (rest !== undefined) spec.valueMs = parseDuration(rest);
  } else if (value !== undefined) {
    spec.valueMs = parseDuration(value);
  }
  if (name === 'delay' && spec.valueMs === undefined)
    throw new RangeError('fault "delay" needs a duration: delay=500ms');
  return spec;
}
