/**
 * Names and values of the enumerated message properties (FIELD_ENUMS, in field-enum-table.ts): decoded messages shown
 * with the guide's names, messages written with names encoded.
 */
import type { CtiMessage } from './types';
import { FIELD_ENUMS } from './field-enum-table';
import { NAMERS } from './generated/namers';
import { enumName } from './enum';

export { FIELD_ENUMS };

/**
 * A shallow copy of `msg` with each enumerated number replaced by its guide name. Values the enumeration
 * does not name stay numbers; arrays (repeating fields) are mapped element by element.
 *
 * It runs for every event a node delivers, so the build writes one namer per catalogue message type
 * (lib/protocol/generated/namers.ts, from namer-source.ts): straight-line reads of the enumerated properties, each
 * site seeing one message shape. Any other type name (or a table added since the last build) takes the generic
 * loop below, with the same result.
 */
export function withEnumNames(msg: CtiMessage): CtiMessage {
  const namer = NAMERS.get(msg.messageType);
  return namer === undefined ? nameAny(msg) : namer(msg);
}

const ENUM_ENTRIES = Object.entries(FIELD_ENUMS);

function nameAny(msg: CtiMessage): CtiMessage {
  const out: CtiMessage = { ...msg };
  for (const [key, e] of ENUM_ENTRIES) {
    if (Object.prototype.hasOwnProperty.call(out, key)) out[key] = enumName(e.byValue, out[key]);
  }
  return out;
}

/**
 * The reverse of withEnumNames: a shallow copy with each name string replaced by its value.
 * Numbers pass through. Throws RangeError for a string that is not a name of the field's enumeration.
 */
export function fromEnumNames(msg: CtiMessage): CtiMessage {
  const out: CtiMessage = { ...msg };
  for (const [key, e] of Object.entries(FIELD_ENUMS)) {
    if (!Object.prototype.hasOwnProperty.call(out, key)) continue;
    const toValue = (v: unknown): unknown => {
      if (typeof v !== 'string') return v;
      const n = e.valueOf(v);
      if (n === undefined) throw new RangeError(`${msg.messageType}.${key}: "${v}" is not a known name for this field`);
      return n;
    };
    const value: unknown = out[key];
    out[key] = Array.isArray(value) ? value.map(toValue) : toValue(value);
  }
  return out;
}
