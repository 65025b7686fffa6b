import { MAX_VERSION, MIN_VERSION, getMessageDef, getPlan } from './catalog';
import { encoderSource } from './compile-encoder';
import { decoderSource } from './compile-decoder';

export interface CodecSource {
  messageType: string;
  version: number;
  /** The generated encode function's source, as compiled. */
  encoder: string;
  /** The generated decode function's source, as compiled. */
  decoder: string;
}

/**
 * The code the codec generates for one message in one protocol version, for reading while debugging
 * (`npm run codec:print -- CALL_DELIVERED_EVENT 24`). Throws RangeError for a message without a layout there.
 */
export function explainCodec(messageType: string | number, version: number): CodecSource {
  const def = getMessageDef(messageType);
  const supported = Number.isInteger(version) && version >= MIN_VERSION && version <= MAX_VERSION;
  const plan = def === undefined || !supported ? undefined : getPlan(def.id, version);
  if (def === undefined || plan === undefined) {
    throw new RangeError(`${String(messageType)} has no field layout in protocol version ${version}`);
  }
  return { messageType: def.name, version, encoder: encoderSource(plan), decoder: decoderSource(plan) };
}
