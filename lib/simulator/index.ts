/** The CTI Server simulator: library API (the `cti-sim` command line is cli/cti-sim.ts). No Node-RED imports. */
export { CtiSimulator, type CtiSimulatorEvents, type SharedModel } from './server';
export { CtiSimulatorPair, type CtiSimulatorPairOptions } from './pair';
export { RealClock, AcceleratedClock, VirtualClock, parseDuration, type SimClock, type SimTimer } from './clock';
export { SimModel, SimCall, parseAgents, type SimAgent, type SimCallState, type SimModelEvents } from './model';
export { CallFlows } from './call-flows';
export { SimStatistics, statisticsOf } from './statistics';
export { SimConfiguration, configurationOf, CONFIG_AGENT_TYPE } from './config-acquisition';
export { SimConfigChanges } from './config-changes';
export {
  DEFAULT_SKILL_GROUPS,
  DEFAULT_AGENT_NAMES,
  parseSkillGroups,
  parseTeams,
  resolveOrganization,
  type SkillGroupSpec,
  type TeamSpec,
  type SimSkillGroup,
  type SimTeam,
  type SimConfigChange,
  type ResolvedOrganization,
} from './organization';
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
  type ScenarioTarget,
} from './scenarios';
export { HANDLED_REQUESTS, type HandledRequestType } from './requests';
export { DEFAULT_TEAMS, DEFAULT_SUPERVISOR } from './organization';
export { setTeam, addTeamMember, removeTeamMember, teamConfigEvent, teamsSupervisedBy, teamOf } from './teams';
export { SUPERVISOR_FORCED_REASON } from './supervision';
export type {
  AgentSpec,
  CtiSimulatorOptions,
  InboundCallOptions,
  OutboundCallOptions,
  SimRequestInfo,
  SimSessionInfo,
  SimCallDataChanges,
  SimEvent,
  SimVariableRegistration,
} from './types';
export { EccCatalog, DEFAULT_ECC_VARIABLES, DEFAULT_ECC_ARRAYS, filterCallData } from './variable-registration';
export { replay, Replay, type ReplayOptions, type ReplayStats } from './replay';
export { MAINTENANCE_WINDOW_MS, type MaintenanceOutcome } from './maintenance';
