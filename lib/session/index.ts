/** The CTI client session and its call / agent trackers (no Node-RED dependency). */
export { CtiSession, type RequestOptions } from './session';
export type {
  CtiSessionEvents,
  CtiSessionBaseEvents,
  CtiSessionMessageEvents,
  SessionFrameEvent,
  SessionProtocolWarning,
  SessionTransitionInfo,
} from './session-events';
export { TRANSITIONS, type SessionEvent, type Transition, type TransitionEffects } from './transitions';
export type { SessionState, SessionStateInfo, SessionStats, ProtocolWarningCounts } from './state';
export {
  STATUS_POLICY,
  policyFor,
  type StatusPolicy,
  type OpenRefusalAction,
  type FailureEventAction,
} from './failure-policy';
export {
  CtiOptionsError,
  resolveOptions,
  type CtiSessionOptions,
  type CtiEndpoint,
  type CtiTlsOptions,
  type CtiReconnectOptions,
  type CtiVariableRegistration,
  type ResolvedOptions,
} from './options';
export {
  CtiSessionError,
  CtiOpenError,
  CtiRequestError,
  CtiTimeoutError,
  CtiNotOpenError,
  CtiConnectionError,
  CtiServerEndedError,
  CtiProtocolWarning,
  CtiInvalidRequestError,
} from './errors';
export {
  CallTracker,
  connectionKey,
  type CallSnapshot,
  type CallConnection,
  type CallParties,
  type RouterCallKey,
  type CallTrackerOptions,
  type CallContextSources,
} from './call-tracker';
export type { PreCallSnapshot, PreCalls } from './pre-calls';
export { AgentTracker, type AgentSnapshot } from './agent-tracker';
export { Backoff } from './backoff';
