import { MAX_VERSION, MIN_VERSION, getMessageDef, getPlan, type MessagePlan } from './catalog';
import { generatedName } from './codegen';
import { encoderSource } from './encoder-source';
import { decoderSource } from './decoder-source';

export interface CodecSource {
  messageType: string;
  version: number;
  /** The encode function's TypeScript, as the build writes it into lib/protocol/generated/encoders.ts. */
  encoder: string;
  /** The decode function's TypeScript, as the build writes it into lib/protocol/generated/decoders.ts. */
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
  return {
    messageType: def.name,
    version,
    encoder: encoderSource(plan, sharedName('encode', plan, encoderSource)),
    decoder: decoderSource(plan, sharedName('decode', plan, decoderSource)),
  };
}

/**
 * The name of the generated function that serves `plan`: the build writes identical code once, named after the
 * first protocol version that has it (decode_CALL_DELIVERED_EVENT_v20 serves v20–v25).
 */
export function sharedName(
  kind: string,
  plan: MessagePlan,
  write: (plan: MessagePlan, name: string) => string,
): string {
  const text = write(plan, 'f');
  for (let v = MIN_VERSION; v < plan.version; v++) {
    const earlier = getPlan(plan.id, v);
    if (earlier !== undefined && write(earlier, 'f') === text) return generatedName(kind, plan.name, v);
  }
  return generatedName(kind, plan.name, plan.version);
}
