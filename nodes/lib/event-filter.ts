/**
 * cti-event filters. An empty filter lets everything through. A set filter passes an event only when the event
 * (or its call context) carries that property with a matching value: "only agent 1001" must not let through
 * events that do not say which agent they are about.
 */
import type { CallSnapshot, CallVisit } from '../../lib/calls';
import { CallType, LocalConnectionState } from '../../lib/protocol';

export interface EventFilterConfig {
  peripheralId?: string | number;
  agentId?: string;
  agentExtension?: string;
  dnis?: string;
  callType?: string;
  /** LocalConnectionState name (LCS_ALERTING …) the event must report. */
  connectionState?: string;
}

export interface CompiledFilter {
  (event: Record<string, unknown>, call: CallSnapshot | undefined): boolean;
}

function clean(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function addValue(out: string[], v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  if (Array.isArray(v)) for (const x of v) out.push(String(x));
  else out.push(String(v));
}

/**
 * The values an event might hold for `keys`, in the event first, then in the call context for `callKeys` (typed:
 * a field renamed in CallSnapshot fails the build here).
 */
function valuesOf(
  event: Record<string, unknown>,
  call: CallSnapshot | undefined,
  keys: readonly string[],
  callKeys: ReadonlyArray<keyof CallSnapshot>,
): string[] {
  const out: string[] = [];
  for (const k of keys) addValue(out, event[k]);
  if (call !== undefined) for (const k of callKeys) addValue(out, call[k]);
  return out;
}

/** The device an event takes the call away from (a transfer's, a diversion's, a party hanging up). */
function leavingDevice(e: Record<string, unknown>): unknown {
  return e.transferringDeviceId ?? e.divertingDeviceId ?? e.releasingDeviceId;
}

/**
 * The visits of msg.call.history that concern this event: agents still on the call (a conference has several),
 * and the one this very event takes the call away from (the transferring agent sees its CALL_TRANSFERRED).
 */
function presentVisits(e: Record<string, unknown>, call: CallSnapshot | undefined): CallVisit[] {
  if (call === undefined) return [];
  const leaving = leavingDevice(e);
  return call.history.filter((v) => v.to === undefined || (leaving !== undefined && v.device === leaving));
}

const AGENT_DEVICE_KEYS = [
  'agentExtension',
  'agentInstrument',
  'connectionDeviceId',
  'alertingDeviceId',
  'answeringDeviceId',
  'callingDeviceId',
  'calledDeviceId',
  'holdingDeviceId',
  'retrievingDeviceId',
  'releasingDeviceId',
];
/** The call's own devices (its parties by role are not matched: they include devices the call has left). */
const CALL_DEVICE_KEYS = ['agentExtension', 'agentInstrument', 'connectionDeviceId'] as const;

/** Throws Error with a readable message for a filter value that can never match (e.g. a non-numeric peripheral). */
export function compileFilter(cfg: EventFilterConfig): CompiledFilter {
  const tests: CompiledFilter[] = [];
  const peripheral = clean(cfg.peripheralId);
  if (peripheral !== undefined) {
    const p = Number(peripheral);
    if (!Number.isInteger(p) || p < 0) throw new Error(`peripheral filter must be a whole number, got "${peripheral}"`);
    tests.push((e, c) => valuesOf(e, c, ['peripheralId'], ['peripheralId']).some((v) => Number(v) === p));
  }
  const agentId = clean(cfg.agentId);
  if (agentId !== undefined)
    tests.push(
      (e, c) =>
        valuesOf(e, c, ['agentId'], ['agentId']).includes(agentId) ||
        presentVisits(e, c).some((v) => v.agentId === agentId),
    );
  const ext = clean(cfg.agentExtension);
  if (ext !== undefined) {
    // The event's own devices, the call's agent, and the devices on the call now; not every device the call
    // ever passed (after a transfer the transferring agent's extension must stop matching).
    tests.push(
      (e, c) =>
        valuesOf(e, c, AGENT_DEVICE_KEYS, CALL_DEVICE_KEYS).includes(ext) ||
        presentVisits(e, c).some((v) => v.device === ext),
    );
  }
  const dnis = clean(cfg.dnis);
  if (dnis !== undefined) tests.push((e, c) => valuesOf(e, c, ['dnis'], ['dnis']).includes(dnis));
  const callType = clean(cfg.callType);
  if (callType !== undefined) {
    const wanted = /^\d+$/.test(callType) ? callType : String(CallType.valueOf(callType) ?? callType);
    tests.push((e, c) =>
      valuesOf(e, c, ['callType'], ['callType']).some(
        (v) => v === wanted || v === callType || String(CallType.valueOf(v)) === wanted,
      ),
    );
  }
  const state = clean(cfg.connectionState);
  if (state !== undefined) {
    // Only the event's own LocalConnectionState counts: the call context's state is that of its last event.
    const wanted = /^\d+$/.test(state) ? Number(state) : LocalConnectionState.valueOf(state);
    if (wanted === undefined)
      throw new Error(
        `connection state filter must be one of ${Object.keys(LocalConnectionState.byName).join(', ')}, got "${state}"`,
      );
    tests.push(
      (e) => e.localConnectionState === wanted || e.localConnectionState === LocalConnectionState.nameOf(wanted),
    );
  }
  if (tests.length === 0) return () => true;
  return (e, c) => tests.every((f) => f(e, c));
}
