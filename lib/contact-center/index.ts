export { ContactCenterState, type ContactCenterStateOptions } from './contact-center-state';
export { parseIdList, parseNumberList } from './id-list';
export type {
  AgentView,
  CallView,
  ContactCenterView,
  PeripheralView,
  StateFilter,
  StateOrigin,
  StateSummary,
  TeamView,
} from './types';
export {
  mergeOrigins,
  mergePeripheralViews,
  sumSummaries,
  type ManyPeripheralsView,
  type MergeOptions,
  type PeripheralPart,
} from './peripherals';
export { SkillGroupBoard, type SkillGroupView } from './skill-group-board';
export { ConfigurationNames, type ConfiguredSkillGroup } from './configuration-names';
export { TeamConfigs } from './team-configs';
