/**
 * PII masking of whole frames: decode (strictly where possible), replace the personal fields by consistent
 * pseudonyms, encode again in the same protocol version, so a masked recording is still a valid byte stream.
 * A frame that cannot be decoded and encoded again loses its content rather than leak it.
 */
import {
  CtiProtocolError,
  HEADER_SIZE,
  TAGS,
  decodeMessage,
  encodeMessage,
  getPlan,
  type CtiMessage,
  type MessagePlan,
} from '../protocol';
import { Pseudonymizer } from './pseudonym';

/** Caller and customer data: ANI, DNIS, dialed number, caller-entered digits, call variables, ECC, … */
const PII_TAGS: ReadonlySet<number> = new Set([
  8, // ANI
  9, // UserToUserInfo
  10, // DNIS
  11, // DialedNumber
  12, // CallerEnteredDigits
  13,
  14,
  15,
  16,
  17,
  18,
  19,
  20,
  21,
  22, // CallVariable1–10
  46, // CallWrapupData (free text typed by the agent)
  67, // DTMFString (may carry card or account digits)
  77, // AuthorizationCode
  78, // AccountCode
  80, // OriginatingLineID
  82, // NamedVariable (values)
  83, // NamedArray (values)
  95, // CustomerPhoneNumber
  96, // CustomerAccountNumber
]);

/** Never written, masked or not: ClientPassword, AgentPassword. */
const SECRET_TAGS: ReadonlySet<number> = new Set([2, 49]);

/**
 * Who the agents are (maskAgents): agent IDs, extensions, instruments, supervisors, client signatures, the members
 * of a team (AGENT_TEAM_CONFIG_EVENT), and the agent records of configuration acquisition (login ID, login name,
 * first and last name). A value gets the same pseudonym wherever it appears, so an agent's configuration LoginID
 * masks like the AgentID of its events and a masked recording still joins the two.
 */
const AGENT_TAGS: ReadonlySet<number> = new Set([
  3, // ClientSignature
  4, // AgentExtension
  5, // AgentID
  6, // AgentInstrument (also CONFIG_TERMINAL_EVENT's instruments)
  23, // CTIClientSignature
  68, // PositionID
  69, // SupervisorID
  85, // SupervisorInstrument
  86, // AtcAgentID (a team's members)
  137, // FirstName
  138, // LastName
  190, // LoginID (= the agent's AgentID)
  194, // AgentID (long tag)
  207, // LoginName
  214, // OldLoginID (a renamed agent's previous LoginID)
]);

/**
 * Fields that name a person in one message only (maskAgents): an agent record's Extension and its free-text
 * Description (often the person's name or notes). The service, skill group and call type records' Extension and
 * Description are configuration, kept; device records are handled per record (maskAgentDevices).
 */
const AGENT_TAGS_IN: ReadonlyMap<string, ReadonlySet<number>> = new Map([['CONFIG_AGENT_EVENT', new Set([173, 134])]]);
/** CONFIG_DEVICE_EVENT DeviceType values that are an agent: 3 agent ID, 4 agent device extension (§22.9). */
const AGENT_DEVICE_TYPES: ReadonlySet<number> = new Set([3, 4]);
const NONE: ReadonlySet<number> = new Set();

/**
 * Every device ID. With maskAgents they are all masked; without, only those whose value was already masked in a
 * PII field of this recording (the caller's number is the CallingDeviceID of an inbound call, the dialed number
 * the CalledDeviceID of an outbound one), so the same number gets the same pseudonym everywhere.
 */
const DEVICE_TAGS: ReadonlySet<number> = new Set(
  TAGS.filter((t) => t.type === 'STRING' && /DEVID|DEVICE_ID|DEVICEID|TERM_DEVICE/.test(t.name)).map((t) => t.tag),
);

export interface MaskOptions {
  /** Mask caller / customer data (PII_TAGS). */
  mask: boolean;
  /** Also mask agent IDs and names, extensions, instruments and every device ID. */
  maskAgents: boolean;
  /** Tests: a fixed key instead of a random one. */
  key?: Buffer;
}

export interface MaskStats {
  /** Frames decoded and encoded again because something in them was masked (or a secret removed). */
  framesRewritten: number;
  /** Field values replaced by a pseudonym. */
  fieldsMasked: number;
  /** Frames whose content was dropped because they could not be decoded (or encoded again) for masking. */
  framesDropped: number;
  /** Floating fields the catalog does not know, dropped from masked frames (their bytes could be anything). */
  unknownFieldsDropped: number;
}

export type MaskResult = { frame: Buffer } | { dropped: string };

export class FrameMasker {
  readonly stats: MaskStats = { framesRewritten: 0, fieldsMasked: 0, framesDropped: 0, unknownFieldsDropped: 0 };
  private readonly names: Pseudonymizer;
  /** Values masked in PII fields: a device ID with one of these values is the same number, masked alike. */
  private readonly piiValues = new Set<string>();

  constructor(private readonly opts: MaskOptions) {
    this.names = new Pseudonymizer(opts.key);
  }

  /** The frame to record: unchanged when there is nothing to hide, rewritten, or dropped (with the reason). */
  apply(frame: Buffer, version: number): MaskResult {
    if (frame.length < HEADER_SIZE) return this.drop('shorter than a message header');
    const plan = getPlan(frame.readUInt32BE(4), version);
    const masking = this.opts.mask || this.opts.maskAgents;
    if (plan === undefined) {
      // A body the catalog cannot lay out might hold anything: only an unmasked recording keeps it.
      return masking ? this.drop('message type without a field layout') : { frame };
    }
    if (!masking && !plan.floats.some((f) => SECRET_TAGS.has(f.tag))) return { frame };
    let msg: CtiMessage;
    try {
      msg = decodeForMasking(frame, version);
    } catch (err) {
      return this.drop(`cannot decode: ${(err as Error).message}`);
    }
    let changed = this.removeSecrets(plan, msg);
    if (masking) changed = this.maskFields(plan, msg) || changed;
    if (!changed) return { frame };
    try {
      const out = encodeMessage(msg, version);
      this.stats.framesRewritten++;
      return { frame: out };
    } catch (err) {
      return this.drop(`cannot encode the masked message: ${(err as Error).message}`);
    }
  }

  private drop(reason: string): MaskResult {
    this.stats.framesDropped++;
    return { dropped: reason };
  }

  private removeSecrets(plan: MessagePlan, msg: CtiMessage): boolean {
    let changed = false;
    for (const f of plan.floats) {
      if (!SECRET_TAGS.has(f.tag) || msg[f.key] === undefined) continue;
      msg[f.key] = typeof msg[f.key] === 'string' ? '' : Buffer.alloc(0);
      changed = true;
    }
    return changed;
  }

  private maskFields(plan: MessagePlan, msg: CtiMessage): boolean {
    let changed = false;
    if (msg.unknownFields !== undefined) {
      this.stats.unknownFieldsDropped += (msg.unknownFields as unknown[]).length;
      delete msg.unknownFields;
      changed = true;
    }
    // PII first, so a device ID later in the same message is recognised as the same number.
    for (const f of plan.floats) {
      if (this.opts.mask && PII_TAGS.has(f.tag) && msg[f.key] !== undefined) {
        msg[f.key] = this.maskValue(msg[f.key], true);
        changed = true;
      }
    }
    const agentTagsHere = AGENT_TAGS_IN.get(plan.name) ?? NONE;
    for (const f of plan.floats) {
      const v = msg[f.key];
      if (v === undefined) continue;
      if (this.opts.maskAgents && (AGENT_TAGS.has(f.tag) || DEVICE_TAGS.has(f.tag) || agentTagsHere.has(f.tag))) {
        msg[f.key] = this.maskValue(v, false);
        changed = true;
      } else if (this.opts.mask && DEVICE_TAGS.has(f.tag) && this.holdsPii(v)) {
        msg[f.key] = this.maskValue(v, false);
        changed = true;
      }
    }
    if (this.opts.maskAgents && plan.name === 'CONFIG_DEVICE_EVENT') changed = this.maskAgentDevices(msg) || changed;
    return changed;
  }

  /**
   * An agent's device record (DeviceType 3 / 4) names the agent: its Extension, its Description ("Phone of …")
   * and its PeripheralNumber (the extension as a number, masked as the pseudonym of its digits so it matches the
   * masked extension). Route points and services keep theirs. Records decode as parallel arrays; if DeviceType
   * does not line up with a field, every entry of that field is masked (losing configuration, never leaking).
   */
  private maskAgentDevices(msg: CtiMessage): boolean {
    const types = msg.deviceType as unknown;
    const isAgent = (i: number, n: number): boolean =>
      !Array.isArray(types) || types.length !== n || AGENT_DEVICE_TYPES.has(types[i] as number);
    let changed = false;
    for (const key of ['extension', 'description', 'peripheralNumber']) {
      const values = msg[key] as unknown;
      if (!Array.isArray(values)) continue;
      msg[key] = values.map((v: unknown, i) => {
        if (!isAgent(i, values.length)) return v;
        changed = true;
        return typeof v === 'number' ? this.maskNumber(v) : this.maskValue(v, false);
      });
    }
    return changed;
  }

  /** A number as the pseudonym of its decimal digits (kept within a UINT). */
  private maskNumber(v: number): number {
    this.stats.fieldsMasked++;
    return Number(this.names.of(String(v))) % 0xffffffff;
  }

  private holdsPii(v: unknown): boolean {
    if (typeof v === 'string') return this.piiValues.has(v);
    return Array.isArray(v) && v.some((x) => typeof x === 'string' && this.piiValues.has(x));
  }

  /** Strings, bytes, lists of them, and ECC entries ({ name, value }: the name is configuration, kept). */
  private maskValue(v: unknown, remember: boolean): unknown {
    if (Array.isArray(v)) return v.map((x) => this.maskValue(x, remember));
    if (typeof v === 'string') {
      if (v === '') return v;
      this.stats.fieldsMasked++;
      if (remember) this.rememberPii(v);
      return this.names.of(v);
    }
    if (v instanceof Uint8Array) {
      this.stats.fieldsMasked++;
      return this.names.ofBytes(v);
    }
    if (v !== null && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string') {
      const entry = v as { value: string };
      return { ...entry, value: this.maskValue(entry.value, remember) };
    }
    return v;
  }

  private rememberPii(v: string): void {
    // Bounded like the pseudonym cache: a day-long recording of unique callers must not grow without end.
    if (this.piiValues.size >= 50_000) this.piiValues.clear();
    this.piiValues.add(v);
  }
}

/** Strict first (what a conforming server sends); the liberal decode for a server that deviates a little. */
function decodeForMasking(frame: Buffer, version: number): CtiMessage {
  try {
    return decodeMessage(frame, version, { strict: true });
  } catch (err) {
    if (!(err instanceof CtiProtocolError)) throw err;
    return decodeMessage(frame, version);
  }
}
