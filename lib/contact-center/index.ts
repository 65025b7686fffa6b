export { ContactCenterState, type ContactCenterStateOptions } from './contact-center-state';
export { parseIdList, parseNumberList } from './id-list';
export type { AgentView, CallView, ContactCenterView, StateFilter, StateOrigin, StateSummary } from './types';
export { SkillGroupBoard, type SkillGroupView } from './skill-group-board';
