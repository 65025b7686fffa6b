import { EventCause } from '../protocol';
import { wrapupMs } from './organization';
import { NoAgentAvailableError } from './call-flows';
import type { SimConfigChanges } from './config-changes';
import type { SimCall, SimModel } from './model';
import { BUILT_IN_SCENARIOS, DEFAULT_SCENARIO } from './built-in-scenarios';
import {
  CONFIG_ACTIONS,
  SCENARIO_ACTIONS,
  type ScenarioAction,
  type ScenarioCall,
  type ScenarioDef,
  type ScenarioStep,
} from './scenario-types';
import type { InboundCallOptions, OutboundCallOptions, SimCallDataChanges } from './types';

export {
  BUILT_IN_SCENARIOS,
  DEFAULT_SCENARIO,
  SCENARIO_ACTIONS,
  type ScenarioAction,
  type ScenarioCall,
  type ScenarioDef,
  type ScenarioStep,
};

/**
 * What a scenario drives: the simulator's call operations, its clock and its log (CtiSimulator is one). Each
 * operation resolves once its events have been handed to the sessions, and rejects when the call's state does
 * not allow it.
 */
export interface ScenarioTarget {
  /** True once the simulator stopped: the scenario starts nothing more. */
  readonly isStopped: boolean;
  /** Waits on the simulator's clock; resolves false when the simulator stopped meanwhile. */
  sleep(ms: number): Promise<boolean>;
  log(line: string): void;
  startInboundCall(o: InboundCallOptions): Promise<SimCall>;
  startOutboundCall(o: OutboundCallOptions): Promise<SimCall>;
  answerCall(call: SimCall): Promise<void>;
  holdCall(call: SimCall): Promise<void>;
  retrieveCall(call: SimCall): Promise<void>;
  releaseCall(call: SimCall): Promise<void>;
  consultCall(call: SimCall, targetAgentId?: string): Promise<SimCall>;
  transferCall(held: SimCall, consult: SimCall): Promise<void>;
  conferenceCall(held: SimCall, consult: SimCall): Promise<void>;
  divertCall(call: SimCall, toAgentId?: string): Promise<void>;
  failCall(call: SimCall, cause?: number): Promise<void>;
  /** The customer hangs up; `cause` is CALL_CLEARED's EventCause. */
  hangUpCaller(call: SimCall, cause?: number): Promise<void>;
  /** Resolves when the call is answered, ends, or `timeoutMs` pass ('stopped': the simulator stopped). */
  waitForAnswer(call: SimCall, timeoutMs: number): Promise<'answered' | 'ended' | 'timeout' | 'stopped'>;
  setCallData(call: SimCall, changes: SimCallDataChanges): Promise<void>;
  /** A fault by spec ("silent", "delay=500ms", …). */
  applyFault(spec: string): void;
  /** Changes to the organisation (config-changes.ts): announced to configuration-acquisition clients. */
  readonly config: SimConfigChanges;
  /** The organisation (a call's skill group that this simulator lacks is routed to any agent). */
  readonly model: Pick<SimModel, 'skillGroups'>;
}

export interface ScenarioRunOptions {
  /** Total calls; the scenario's calls are repeated in turn. Default: the scenario's own number of calls. */
  calls?: number;
  /** Calls per second, started at a steady pace; without it calls start at their `at` offsets. */
  rate?: number;
}

/** How long a waitForAnswer step lets a call ring before the caller abandons. */
export const DEFAULT_RING_TIMEOUT_MS = 60000;

/** Checks a parsed JSON scenario; throws a RangeError naming the first problem. */
export function validateScenario(def: unknown): ScenarioDef {
  const d = def as ScenarioDef;
  if (d === null || typeof d !== 'object' || !Array.isArray(d.calls) || d.calls.length === 0) {
    throw new RangeError('a scenario needs a non-empty "calls" array');
  }
  if (d.wrapup !== undefined) wrapupMs('wrapup', d.wrapup);
  const actions = new Set<string>(SCENARIO_ACTIONS);
  d.calls.forEach((c, i) => {
    if (c.type !== undefined && c.type !== 'inbound' && c.type !== 'outbound' && c.type !== 'none')
      throw new RangeError(`calls[${i}].type must be "inbound", "outbound" or "none"`);
    if (c.whenNoAgent !== undefined && c.whenNoAgent !== 'queue' && c.whenNoAgent !== 'skip')
      throw new RangeError(`calls[${i}].whenNoAgent must be "queue" or "skip"`);
    (c.steps ?? []).forEach((s, j) => {
      if (!actions.has(s.action))
        throw new RangeError(`calls[${i}].steps[${j}].action "${s.action}" is not one of ${[...actions].join(', ')}`);
      if (s.delay !== undefined && !(typeof s.delay === 'number' && s.delay >= 0))
        throw new RangeError(`calls[${i}].steps[${j}].delay must be a number of ms >= 0`);
      if (s.action === 'fault' && typeof s.fault !== 'string')
        throw new RangeError(`calls[${i}].steps[${j}] needs "fault"`);
      if (s.timeout !== undefined && !(typeof s.timeout === 'number' && s.timeout > 0))
        throw new RangeError(`calls[${i}].steps[${j}].timeout must be a number of ms > 0`);
      const needs = (field: keyof ScenarioStep, what: string): void => {
        if (s[field] === undefined)
          throw new RangeError(`calls[${i}].steps[${j}] (${s.action}) needs "${field}" (${what})`);
      };
      if (s.action === 'addAgent') needs('agent', 'an agent spec with agentId');
      if (s.action === 'renameAgent') needs('agentId', 'the agent to rename');
      if (s.action === 'addSkillGroup') needs('skillGroup', 'a skill group spec');
      if (s.action === 'renameSkillGroup') {
        needs('skillGroupNumber', 'the group to rename');
        needs('name', 'its new name');
      }
      if (c.type === 'none' && !CONFIG_ACTIONS.has(s.action) && s.action !== 'fault')
        throw new RangeError(`calls[${i}].steps[${j}]: an entry of type "none" has no call to ${s.action}`);
    });
  });
  return d;
}

function numbered(cvs: { [n: string]: string } | undefined): { [n: number]: string } | undefined {
  if (cvs === undefined) return undefined;
  const out: { [n: number]: string } = {};
  for (const [k, v] of Object.entries(cvs)) out[Number(k)] = v;
  return out;
}

/**
 * Runs a scenario on a simulator: built-in by name or a ScenarioDef. Resolves when every call has finished
 * its steps (or at once when the simulator stops).
 */
export async function runScenario(
  sim: ScenarioTarget,
  scenario: string | ScenarioDef,
  opts: ScenarioRunOptions = {},
): Promise<void> {
  const def = typeof scenario === 'string' ? BUILT_IN_SCENARIOS[scenario] : validateScenario(scenario);
  if (def === undefined)
    throw new RangeError(`unknown scenario "${scenario}" (built-ins: ${Object.keys(BUILT_IN_SCENARIOS).join(', ')})`);
  const total = opts.calls ?? def.calls.length;
  const running: Promise<void>[] = [];
  let elapsed = 0;
  for (let i = 0; i < total && !sim.isStopped; i++) {
    const tpl = def.calls[i % def.calls.length];
    const startAt =
      opts.rate !== undefined && opts.rate > 0
        ? Math.round((i * 1000) / opts.rate)
        : (tpl.at ?? 0) + Math.floor(i / def.calls.length) * 0;
    if (opts.rate === undefined && i > 0 && i % def.calls.length === 0) {
      // Without a rate, each round of the scenario's calls starts when the previous round has finished.
      await Promise.all(running.splice(0));
      elapsed = 0;
    }
    if (startAt > elapsed) {
      if (!(await sim.sleep(startAt - elapsed))) break;
      elapsed = startAt;
    }
    running.push(runCall(sim, tpl, i));
  }
  await Promise.all(running);
}

/**
 * A configuration step (sim.config): the change and its update block to configuration-acquisition clients. A
 * change the model refuses (an agent that exists, an unknown group) is logged by the caller like a failed step.
 */
function configStep(sim: ScenarioTarget, step: ScenarioStep): void {
  switch (step.action) {
    case 'addAgent':
      sim.config.addAgent(step.agent!);
      break;
    case 'renameAgent':
      sim.config.renameAgent(step.agentId!, { firstName: step.firstName, lastName: step.lastName });
      break;
    case 'addSkillGroup':
      sim.config.addSkillGroup(step.skillGroup!);
      break;
    case 'renameSkillGroup':
      sim.config.renameSkillGroup(step.skillGroupNumber!, step.name!);
      break;
  }
}

/** An entry without a call (type "none"): its steps only, each after its delay. */
async function runSteps(sim: ScenarioTarget, tpl: ScenarioCall, index: number): Promise<void> {
  for (const step of tpl.steps ?? []) {
    if (sim.isStopped) return;
    if (step.delay !== undefined && step.delay > 0 && !(await sim.sleep(step.delay))) return;
    try {
      if (step.action === 'fault') sim.applyFault(step.fault!);
      else configStep(sim, step);
    } catch (err) {
      sim.log(
        `scenario entry ${index}: step ${step.action} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}

async function runCall(sim: ScenarioTarget, tpl: ScenarioCall, index: number): Promise<void> {
  if (tpl.type === 'none') return runSteps(sim, tpl, index);
  let call: SimCall;
  try {
    if (tpl.type === 'outbound') {
      call = await sim.startOutboundCall({
        agentId: tpl.agentId,
        dialedNumber: tpl.dialedNumber,
        callVariables: numbered(tpl.callVariables),
        namedVariables: tpl.namedVariables,
        namedArrays: tpl.namedArrays,
        fail: tpl.fail,
      });
    } else {
      call = await sim.startInboundCall({
        agentId: tpl.agentId,
        ani: tpl.ani,
        dnis: tpl.dnis,
        dialedNumber: tpl.dialedNumber,
        // A built-in scenario names the default organisation's groups; with other groups (--agents alone) the call
        // goes to any agent instead of failing.
        skillGroupNumber:
          tpl.skillGroupNumber !== undefined && sim.model.skillGroups.has(tpl.skillGroupNumber)
            ? tpl.skillGroupNumber
            : undefined,
        callVariables: numbered(tpl.callVariables),
        namedVariables: tpl.namedVariables,
        namedArrays: tpl.namedArrays,
        queued: tpl.queued,
        queueMs: tpl.queueMs,
        routed: tpl.routed,
        translationRoute: tpl.translationRoute,
        ifAgentAvailable: tpl.whenNoAgent === 'skip',
      });
    }
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    sim.log(`scenario call ${index}: ${err instanceof NoAgentAvailableError ? 'skipped' : 'could not start'}: ${why}`);
    return;
  }
  let consult: SimCall | undefined;
  // A call that ended (a client cleared it, the caller abandoned) has nothing more to do.
  const over = (): boolean => sim.isStopped || call.state === 'cleared';
  for (const step of tpl.steps ?? []) {
    if (over()) return;
    if (step.delay !== undefined && step.delay > 0 && !(await sim.sleep(step.delay))) return;
    if (over()) return;
    try {
      switch (step.action) {
        case 'answer':
          // A client may have answered it already.
          if (call.state === 'alerting') await sim.answerCall(call);
          break;
        case 'waitForAnswer': {
          const outcome = await sim.waitForAnswer(call, step.timeout ?? DEFAULT_RING_TIMEOUT_MS);
          if (outcome === 'timeout') {
            sim.log(
              `scenario call ${index}: not answered in ${(step.timeout ?? DEFAULT_RING_TIMEOUT_MS) / 1000} s; the caller abandons`,
            );
            await sim.hangUpCaller(call, EventCause.byName.CECX_ABAND_RING);
          }
          break;
        }
        case 'hangUp':
          if (consult !== undefined) await sim.releaseCall(consult);
          await sim.hangUpCaller(call);
          break;
        case 'hold':
          await sim.holdCall(call);
          break;
        case 'retrieve':
          await sim.retrieveCall(call);
          break;
        case 'setCallData':
          await sim.setCallData(call, {
            callVariables: numbered(step.callVariables),
            ...(step.namedVariables ? { namedVariables: step.namedVariables } : {}),
            ...(step.namedArrays ? { namedArrays: step.namedArrays } : {}),
            ...(step.callWrapupData ? { callWrapupData: step.callWrapupData } : {}),
          });
          break;
        case 'consult':
          consult = await sim.consultCall(call, step.agentId);
          break;
        case 'transfer':
        case 'conference':
          if (consult === undefined) throw new Error(`${step.action} needs a consult step first`);
          if (step.action === 'transfer') await sim.transferCall(call, consult);
          else await sim.conferenceCall(call, consult);
          consult = undefined;
          break;
        case 'release':
          if (consult !== undefined) await sim.releaseCall(consult);
          await sim.releaseCall(call);
          break;
        case 'divert':
          await sim.divertCall(call, step.agentId);
          break;
        case 'fail':
          await sim.failCall(call);
          break;
        case 'fault':
          sim.applyFault(step.fault!);
          break;
        default:
          configStep(sim, step);
      }
    } catch (err) {
      sim.log(
        `scenario call ${index}: step ${step.action} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
