import {
  AGENT_STATE_MASK_VALID_BITS,
  CONFIG_MSG_MASK_VALID_BITS,
  type CtiMessage,
  type DecodeWarning,
  decodeMessage,
  ServiceMask,
} from '../protocol';

/**
 * What this simulator accepts of an OPEN_REQ that deviates from the guide, and what it keeps refusing — the
 * deviations public third-party CTI clients make (issue 24 part 6). The decision per item, and why:
 *
 * ACCEPTED (the OPEN succeeds; the session's log says once what was read how):
 * - A STRING (ClientID, ClientSignature, Agent…) without its NUL terminator. The guide's floating field carries
 *   its own length byte, which bounds the text unambiguously; "includes the null termination byte" describes
 *   the maximum size, and the Unified CCX edition of the guide defines STRING[n] with no terminator at all.
 *   Unsure: no public source shows a UCCE CTI Server's answer; chose to read the field's bytes as the text.
 * - No ClientPassword field (the guide wants it, zero length allowed): read as no password; refused only when
 *   this side has a password (as before).
 * - PeripheralID 0 from a client without Client Events. The guide: "Required for Client Events service;
 *   otherwise, set this field to the special value NULL_PERIPHERAL_ID" — the server does not use the field for
 *   such a session, and 0 is an unset field, not a peripheral. Read as NULL_PERIPHERAL_ID. Another
 *   PeripheralID this PG does not have is still refused (E_CTI_INVALID_PERIPHERAL_ID): it names a peripheral.
 * - AgentStateMask / ConfigMsgMask with bits no state / configuration item has (0xFFFFFFFF = "everything"):
 *   the masks only filter what is sent, an unused bit matches nothing. The unused bits are masked off.
 * - Below protocol version 23, CallMsgMask bits for events that version lacks (NETWORK_RECORDING_*): such
 *   events are never sent at that version anyway. Masked off.
 *
 * STILL REFUSED (as the guide's status codes say a server does):
 * - ServicesRequested bits no service has (E_CTI_INVALID_SERVICE_MASK): services are granted, not filtered —
 *   an unknown bit asks for something the server cannot say it granted or not.
 * - A Client Events OPEN_REQ with a PeripheralID that is not this peripheral (0 included): the session is
 *   about one agent on one peripheral (E_CTI_INVALID_PERIPHERAL_ID).
 * - Every other deviation of the OPEN_REQ frame (a field cut short, a bad tag, …): E_CTI_BAD_MESSAGE_FORMAT
 *   and friends, as the strict decoder reports them.
 * `cti-sim --help` repeats this list (OPEN_TOLERANCE_HELP).
 */
export const OPEN_TOLERANCE_HELP = [
  'OPEN_REQ from third-party clients: accepted (logged once per session) — a STRING without its NUL',
  'terminator, no ClientPassword field (when no --password), PeripheralID 0 from a session without Client',
  'Events (read as 0xFFFFFFFF), AgentStateMask / ConfigMsgMask bits that name nothing (masked off), below',
  'v23 CallMsgMask bits that version lacks (masked off). Still refused — unknown ServicesRequested bits,',
  'a Client Events PeripheralID other than this peripheral, any other malformed field.',
];

const NULL_PERIPHERAL_ID = 0xffffffff;

function isTolerated(w: DecodeWarning): string | undefined {
  if (w.detail === 'STRING is not NUL-terminated')
    return `has ${w.field} without its NUL terminator; read the field's bytes as the text`;
  if (w.field === 'clientPassword' && w.detail === 'required field is missing')
    return 'has no ClientPassword field (the guide wants it, zero length allowed); read as no password';
  return undefined;
}

/**
 * An OPEN_REQ the strict decoder refused, read again liberally: the message and what was tolerated, when every
 * deviation is one this simulator accepts; undefined (keep the strict refusal) otherwise.
 */
export function decodeOpenTolerantly(frame: Buffer, version: number): { msg: CtiMessage; notes: string[] } | undefined {
  const notes: string[] = [];
  let refused = false;
  let msg: CtiMessage;
  try {
    msg = decodeMessage(frame, version, {
      strict: false,
      onWarning: (w) => {
        const note = isTolerated(w);
        if (note === undefined) refused = true;
        else notes.push(note);
      },
    });
  } catch {
    return undefined;
  }
  if (refused || msg.messageType !== 'OPEN_REQ' || notes.length === 0) return undefined;
  return { msg, notes };
}

/** CallMsgMask bits by version: NETWORK_RECORDING_* (0x10000000–0x80000000) arrived with PV23. */
export function callMsgBitsOf(version: number): number {
  return version >= 23 ? 0xffffffff : 0x0fffffff;
}

/**
 * The OPEN_REQ as this simulator reads it: unused mask bits off, PeripheralID 0 of a session without Client
 * Events as NULL_PERIPHERAL_ID. `notes` says what changed (for the session's log).
 */
export function normalizeOpen(req: CtiMessage): { req: CtiMessage; notes: string[] } {
  const notes: string[] = [];
  const out: CtiMessage = { ...req };
  const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;
  const maskOff = (key: string, valid: number, why: string): void => {
    const v = out[key] as number | undefined;
    if (typeof v !== 'number') return;
    const extra = (v & ~valid) >>> 0;
    if (extra === 0) return;
    out[key] = (v & valid) >>> 0;
    notes.push(`has ${key} ${hex(v)}: bits ${hex(extra)} ${why}; masked off`);
  };
  const version = req.versionNumber as number;
  maskOff('agentStateMask', AGENT_STATE_MASK_VALID_BITS, 'name no agent state');
  maskOff('configMsgMask', CONFIG_MSG_MASK_VALID_BITS, 'name no configuration item');
  maskOff('callMsgMask', callMsgBitsOf(version), `name events version ${version} does not have`);
  const clientEvents = ((req.servicesRequested as number) & ServiceMask.byName.CTI_SERVICE_CLIENT_EVENTS) !== 0;
  if (req.peripheralId === 0 && !clientEvents) {
    out.peripheralId = NULL_PERIPHERAL_ID;
    notes.push('has PeripheralID 0 without Client Events: read as NULL_PERIPHERAL_ID (the field is unused then)');
  }
  return { req: out, notes };
}
