/** Call and agent tracking: follows each call and agent through the session's messages (no Node-RED dependency). */
export { Tracking, type TrackingOptions } from './tracking';
export {
  CallTracker,
  connectionKey,
  type CallSnapshot,
  type CallConnection,
  type CallParties,
  type RouterCallKey,
  type CallTrackerOptions,
  type CallContextSources,
  type CallSnapshotConnection,
  type CallVisit,
  type CallVariables,
  type Ecc,
  type EccArray,
  type CallRestatement,
} from './call-tracker';
export type { PreCallSnapshot, PreCalls } from './pre-calls';
export type { CallSupervisor } from './call-supervision';
export { AgentTracker, type AgentSnapshot } from './agent-tracker';
export type { StaleCallSweep, SweepHost, SweepResult } from './stale-sweep';
