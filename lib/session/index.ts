/** The CTI client session (no Node-RED dependency); it feeds the call / agent tracking of lib/calls. */
export { CtiSession, type RequestOptions } from './session';
export type {
  CtiSessionEvents,
  CtiSessionBaseEvents,
  CtiSessionMessageEvents,
  SessionFrameEvent,
  SessionProtocolWarning,
  SessionTransitionInfo,
  SessionLinkInfo,
} from './session-events';
export { TRANSITIONS, type SessionEvent, type Transition, type TransitionEffects } from './transitions';
export type { SessionState, SessionStateInfo, SessionStats, ProtocolWarningCounts } from './session-state';
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
export { CtiMaskVersionWarning } from './mask-warning';
export { Backoff } from './backoff';
