/**
 * The shapes of the message catalog. Every message is described once, as data, in the guide's own
 * field names (PascalCase as printed, e.g. "ConnectionDeviceIDType"); the codec derives the JavaScript
 * property names (lowerCamelCase, leading acronyms lower-cased: "connectionDeviceIdType") from them.
 * One table drives both encode and decode.
 */

import type { DecodeWarning } from './warnings';

/** Wire data types. Sizes in bytes: UCHAR 1, USHORT/SHORT/BOOL 2, UINT/INT/TIME 4, TASKID 12. */
export type WireType =
  | 'UCHAR'
  | 'USHORT'
  | 'SHORT'
  | 'UINT'
  | 'INT'
  | 'BOOL'
  | 'TIME'
  | 'STRING'
  | 'UNSPEC'
  | 'NAMEDVAR'
  | 'NAMEDARRAY'
  | 'TASKID';

/** A field of the fixed part. Fixed fields are always present (for the versions that have them). */
export interface FixedFieldDef {
  /** The guide's field name, e.g. "ConnectionCallID". */
  name: string;
  type: Exclude<WireType, 'NAMEDVAR' | 'NAMEDARRAY'>;
  /** Byte size; required for STRING / UNSPEC in a fixed part, implied by the type otherwise. */
  size?: number;
  /** First protocol version that has this field (inclusive). */
  since?: number;
  /** Last protocol version that has this field (inclusive). */
  until?: number;
  /**
   * The name of a repeating floating field whose count this fixed field carries
   * (e.g. NumNamedVariables counts "NamedVariable"). The encoder fills it from the array length;
   * the decoder checks it against what arrived.
   */
  countOf?: string;
  /** Value the encoder uses when the message object leaves the field out (Reserved fields: 0). */
  default?: number;
}

/** A field of the floating part (tag + length + data). */
export interface FloatingFieldDef {
  /** The guide's field name, e.g. "CallVariable1". */
  name: string;
  /** Tag number (see tags.ts). */
  tag: number;
  /** Data type; defaults to the tag table's type. */
  type?: WireType;
  /** Maximum data bytes (STRING: including the NUL); defaults to the tag table's max. */
  max?: number;
  /** The guide does not mark it optional: encoder refuses to send without it, decoder reports it missing. */
  required?: boolean;
  /** May occur more than once; the value is an array in wire order. */
  repeats?: boolean;
  /**
   * Repeating fields of one group are written interleaved by index (signature[0], timestamp[0],
   * signature[1], …) because the guide requires a member to follow its partner.
   */
  group?: string;
  /** Other tags accepted for this field when decoding (the encoder uses `tag`). */
  altTags?: number[];
  since?: number;
  until?: number;
  /** Property name override where the derived name does not fit (e.g. NamedVariable → namedVariables). */
  key?: string;
  /** Most entries a repeating field may have (where the reference gives a limit). */
  maxCount?: number;
}

export interface MessageDef {
  /** MessageType number. */
  id: number;
  /** The guide's name, e.g. "CALL_DELIVERED_EVENT". */
  name: string;
  /** Fixed part in wire order. Empty for a message without fixed fields. */
  fixed: FixedFieldDef[];
  /** Floating part; order here is the order the encoder writes. */
  floating: FloatingFieldDef[];
  /** First protocol version in which the message exists. */
  since?: number;
  /** Where the layout came from, and anything the reference was unsure about. */
  note?: string;
}

/** A message the catalog knows only by number and name: its body is kept as raw bytes. */
export interface KnownTypeDef {
  id: number;
  name: string;
}

/** One entry of the shared floating tag table. */
export interface TagDef {
  tag: number;
  /** The guide's tag name, e.g. "CONNECTION_DEVID_TAG". */
  name: string;
  type: WireType;
  /** Maximum data bytes (STRING: including the NUL). */
  max: number;
}

/** A decoded ECC scalar. */
export interface NamedVariable {
  name: string;
  value: string;
}

/** A decoded ECC array element. */
export interface NamedArrayElement {
  name: string;
  index: number;
  value: string;
}

/** A decoded TASKID. */
export interface TaskId {
  taskGroupHigh: number;
  taskGroupLow: number;
  sequenceNumber: number;
}

/** A floating field the catalog does not know for this message, kept with its raw bytes. */
export interface UnknownField {
  tag: number;
  data: Buffer;
}

/** A decoded message: a plain object, `messageType` plus the fields in lowerCamelCase. */
export interface CtiMessage {
  messageType: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** What decodeMessage returns for a MessageType the catalog does not know at all. */
export interface UnknownMessage extends CtiMessage {
  messageType: 'UNKNOWN';
  messageTypeId: number;
  body: Buffer;
}

export interface CodecOptions {
  /**
   * Decode: every deviation from the reference throws a CtiProtocolError (what a server does with a client's
   * request). Default false: liberal, the message is returned with what could be read and each deviation is
   * reported to `onWarning`; only a frame that cannot be framed, whose fixed part is too short or whose
   * floating field runs past the end throws.
   */
  strict?: boolean;
  /** Decode, liberal mode: called once per deviation, after the message is decoded. */
  onWarning?: (w: DecodeWarning) => void;
  /** Largest whole message accepted, header included. Default 12,500. */
  maxMessageLength?: number;
}
