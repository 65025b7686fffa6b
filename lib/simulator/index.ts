/** The CTI Server simulator: library API (the `cti-sim` CLI is cli.ts). No Node-RED imports. */
export { CtiSimulator, type SharedModel } from './server';
export { CtiSimulatorPair, type CtiSimulatorPairOptions } from './pair';
export { RealClock, AcceleratedClock, VirtualClock, parseDuration, type SimClock, type SimTimer } from './clock';
export { SimModel, SimCall, parseAgents, type SimAgent, type SimCallState } from './model';
export { CallFlows } from './call-flows';
export {
  FaultInjector,
  parseFaultSpec,
  FAULT_NAMES,
  NEWER_MESSAGE_TYPE,
  type FaultName,
  type FaultSpec,
} from './faults';
export {
  BUILT_IN_SCENARIOS,
  validateScenario,
  runScenario,
  type ScenarioDef,
  type ScenarioCall,
  type ScenarioStep,
  type ScenarioRunOptions,
} from './scenarios';
export type {
  AgentSpec,
  CtiSimulatorOptions,
  InboundCallOptions,
  OutboundCallOptions,
  SimRequestInfo,
  SimSessionInfo,
  SimEvent,
  SimVariableRegistration,
} from './types';
export { EccCatalog, DEFAULT_ECC_VARIABLES, DEFAULT_ECC_ARRAYS, filterCallData } from './variable-registration';
export { replay, Replay, type ReplayOptions, type ReplayStats } from './replay';
