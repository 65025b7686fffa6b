import type { CtiMessage } from '../protocol';
import type { SimVariableRegistration } from './types';

/**
 * REGISTER_VARIABLES (cti-protocol.md §4.4, §6.3): which ECC names the simulated peripheral has configured,
 * and how a session's registration narrows the call data it receives.
 */

/**
 * ECC names the simulator treats as configured when the options name none: those the examples,
 * examples/demo.js and the built-in scenarios use.
 */
export const DEFAULT_ECC_VARIABLES: readonly string[] = [
  'user.cust.id',
  'user.cti.handledBy',
  'user.cti.seenAt',
  'user.case',
  'user.disposition',
];
export const DEFAULT_ECC_ARRAYS: readonly string[] = ['user.items'];

/** Call variable bits of CallVariableMask: bit0 = CallVariable1 … bit9 = CallVariable10. */
export const CALL_VARIABLE_MASK_BITS = 0x03ff;

/**
 * The Expanded_Call_Variable configuration a real server registers names against.
 * Unsure: the simulator has no ICM configuration; chose "configured" = the eccVariables / eccArrays
 * options (defaults above) plus any name seen in a call's ECC data since the simulator started, so tests and
 * scenarios that invent names can register them once a call has carried them. Names compare exactly
 * (case-sensitive), as the guide gives no folding rule.
 */
export class EccCatalog {
  private readonly variables: Set<string>;
  private readonly arrays: Set<string>;

  constructor(variables: readonly string[] = DEFAULT_ECC_VARIABLES, arrays: readonly string[] = DEFAULT_ECC_ARRAYS) {
    this.variables = new Set(variables);
    this.arrays = new Set(arrays);
  }

  hasVariable(name: string): boolean {
    return this.variables.has(name);
  }

  hasArray(name: string): boolean {
    return this.arrays.has(name);
  }

  /** Records the ECC names a call or message carries (call data makes a name "configured"). */
  note(source: object): void {
    const data = source as { namedVariables?: unknown; namedArrays?: unknown };
    for (const v of listOf(data.namedVariables)) if (typeof v.name === 'string') this.variables.add(v.name);
    for (const v of listOf(data.namedArrays)) if (typeof v.name === 'string') this.arrays.add(v.name);
  }
}

function listOf(value: unknown): { name?: unknown }[] {
  return Array.isArray(value) ? (value as { name?: unknown }[]) : [];
}

const CALL_VARIABLE_KEYS = Array.from({ length: 10 }, (_, i) => `callVariable${i + 1}`);

/**
 * The message as a registered client receives it: only the call variables whose mask bits are set and only
 * the registered ECC variables / arrays. Messages without call data, and every message to a client that never
 * registered (registration undefined), pass unchanged. The NumNamed* counts follow from the arrays (encoder).
 * Unsure: a CALL_DATA_UPDATE_EVENT whose changes are all filtered out is still sent (its other fields, e.g.
 * CTIClientSignature, still changed); the guide does not say the server suppresses it.
 */
export function filterCallData(msg: CtiMessage, registration: SimVariableRegistration | undefined): CtiMessage {
  if (registration === undefined) return msg;
  const hasCallData =
    msg.namedVariables !== undefined || msg.namedArrays !== undefined || CALL_VARIABLE_KEYS.some((k) => k in msg);
  if (!hasCallData) return msg;
  const out: CtiMessage = { ...msg };
  CALL_VARIABLE_KEYS.forEach((key, i) => {
    if ((registration.callVariableMask & (1 << i)) === 0) delete out[key];
  });
  if (Array.isArray(msg.namedVariables)) {
    const names = new Set(registration.namedVariables);
    out.namedVariables = (msg.namedVariables as { name: string }[]).filter((v) => names.has(v.name));
  }
  if (Array.isArray(msg.namedArrays)) {
    const names = new Set(registration.namedArrays);
    out.namedArrays = (msg.namedArrays as { name: string }[]).filter((v) => names.has(v.name));
  }
  return out;
}
