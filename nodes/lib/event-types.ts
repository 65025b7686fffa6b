/**
 * The event types a cti-event node offers, grouped as in its editor. The editor's .html has the same lists as
 * literals (the scorecard parses it); test/nodes checks the two agree.
 */
export const CALL_EVENTS: readonly string[] = [
  'BEGIN_CALL_EVENT',
  'CALL_DELIVERED_EVENT',
  'CALL_QUEUED_EVENT',
  'CALL_DEQUEUED_EVENT',
  'CALL_ESTABLISHED_EVENT',
  'CALL_HELD_EVENT',
  'CALL_RETRIEVED_EVENT',
  'CALL_CONFERENCED_EVENT',
  'CALL_TRANSFERRED_EVENT',
  'CALL_DIVERTED_EVENT',
  'CALL_ORIGINATED_EVENT',
  'CALL_SERVICE_INITIATED_EVENT',
  'CALL_REACHED_NETWORK_EVENT',
  'CALL_FAILED_EVENT',
  'CALL_CONNECTION_CLEARED_EVENT',
  'CALL_CLEARED_EVENT',
  'CALL_DATA_UPDATE_EVENT',
  'CALL_TRANSLATION_ROUTE_EVENT',
  'CALL_ATTRIBUTE_CHANGE_EVENT',
  'CALL_AGENT_GREETING_EVENT',
  'END_CALL_EVENT',
];

export const AGENT_EVENTS: readonly string[] = [
  'AGENT_STATE_EVENT',
  'AGENT_PRE_CALL_EVENT',
  'AGENT_PRE_CALL_ABORT_EVENT',
];

/** Supervisor-service events: a supervisor's team, its agents' help and emergency requests. */
export const SUPERVISOR_EVENTS: readonly string[] = [
  'AGENT_TEAM_CONFIG_EVENT',
  'SUPERVISOR_ASSIST_EVENT',
  'EMERGENCY_CALL_EVENT',
];

export const SYSTEM_EVENTS: readonly string[] = ['SYSTEM_EVENT', 'FAILURE_EVENT'];

export const ALL_EVENT_TYPES: readonly string[] = [
  ...CALL_EVENTS,
  ...AGENT_EVENTS,
  ...SUPERVISOR_EVENTS,
  ...SYSTEM_EVENTS,
];

/**
 * Messages that are never delivered as events: the session's own traffic and request answers (those reach the
 * requesting node as its CONF).
 */
export function isDeliverableEvent(messageType: string): boolean {
  return /_EVENT$/.test(messageType) || messageType === 'UNKNOWN';
}
