/**
 * What a liberal decode reports instead of throwing: the message is delivered with what could be read, and
 * each deviation from the reference is described once per message by one of these.
 */
export type DecodeWarningKind =
  /** A STRING / UNSPEC / ECC field longer than its documented maximum; the whole value is kept. */
  | 'string-too-long'
  /** A count field (NumNamedVariables, NumCTIClients, …) disagrees with the entries present, a single field came
   *  more than once (the extra copy is kept in `unknownFields`), or a repeating field exceeds its maximum count. */
  | 'count-mismatch'
  /** A floating tag this message does not have (unknown, or belonging to other messages); kept in `unknownFields`. */
  | 'unknown-tag'
  /** The fixed part is longer than this protocol version's (a newer server): the known part is read, the rest skipped. */
  | 'fixed-part-longer'
  /** A member of a repeating group arrived before the field it must follow. */
  | 'out-of-order'
  /** A STRING carries characters after its NUL terminator; the value is what precedes the NUL. */
  | 'invalid-character'
  /** A fixed-size floating field (UINT, USHORT, TASKID, …) with another length; its raw bytes are kept in `unknownFields`. */
  | 'bad-field-length'
  /** Anything else (a STRING without its NUL, a required field missing, stray bytes after the last field). */
  | 'other';

export interface DecodeWarning {
  /** The guide's message name, e.g. "CALL_DELIVERED_EVENT". */
  messageType: string;
  messageTypeId: number;
  /** The property the warning is about (e.g. "supervisorId"), or the tag's name for a field the message lacks. */
  field?: string;
  kind: DecodeWarningKind;
  /** Human-readable, with the values involved (lengths, counts). */
  detail: string;
}

/** `${messageType}.${field ?? '-'}:${kind}` — the same for every occurrence of one deviation, whatever the values. */
export function decodeWarningKey(w: DecodeWarning): string {
  return `${w.messageType}.${w.field ?? '-'}:${w.kind}`;
}
