/**
 * What the session does with each status the guide defines (cti-tables.md, Status Codes) when it arrives
 * - as the FAILURE_CONF to OPEN_REQ (`open`):
 *   - 'other-side': this side cannot serve now, the other may: try it at once (then back off);
 *   - 'retry': a passing condition: back off and try again;
 *   - 'config': the server refused what the configuration asks for; only a configuration change fixes it.
 *     Retrying goes on at the capped interval (the server may be reconfigured meanwhile) and the state says
 *     `configRefused`;
 *   - 'stop': never sent to OPEN_REQ by the guide; stop like a FAILURE_EVENT would.
 * - unsolicited in a FAILURE_EVENT, or as the FAILURE_CONF to a HEARTBEAT_REQ (`event`):
 *   - 'failover': the server is ending this session: drop the link and open again (the other side first);
 *   - 'stop': the session is over and must not be re-opened automatically;
 *   - 'ignore': about something else (a request, a field); the server closes the connection itself when it
 *     ends the session, and that is handled as a dropped link.
 * A status not in the table (a newer server) is 'retry' / 'ignore'. Request-level statuses (call, monitor,
 * variable, skill group …) answer one request and reject just that request; the table gives them
 * 'retry' / 'ignore' for the unlikely case that one ever comes to OPEN_REQ or in a FAILURE_EVENT.
 */
import { StatusCode } from '../protocol';

export type OpenRefusalAction = 'other-side' | 'retry' | 'config' | 'stop';
export type FailureEventAction = 'failover' | 'stop' | 'ignore';

export interface StatusPolicy {
  open: OpenRefusalAction;
  event: FailureEventAction;
  why: string;
}

function p(open: OpenRefusalAction, event: FailureEventAction, why: string): StatusPolicy {
  return { open, event, why };
}

/** Statuses about one request (its call, device, monitor, variables …): never about the session. */
const REQUEST_LEVEL = [
  'E_CTI_INVALID_CALLID',
  'E_CTI_PROTECTED_VARIABLE',
  'E_CTI_INVALID_DEVICE_ID_TYPE',
  'E_CTI_INVALID_LCL_CONN_STATE',
  'E_CTI_INVALID_EVENT_CAUSE',
  'E_CTI_INVALID_NUM_PARTIES',
  'E_CTI_INVALID_SYS_EVENT_ID',
  'E_CTI_INVALID_CONNECTION_ID_TYPE',
  'E_CTI_INVALID_CALL_TYPE',
  'E_CTI_NOT_CALL_PARTY',
  'E_CTI_INVALID_OBJECT_STATE',
  'E_CTI_INVALID_NUM_SKILL_GROUPS',
  'E_CTI_INVALID_NUM_LINES',
  'E_CTI_INVALID_LINE_TYPE',
  'E_CTI_INVALID_ALLOCATION_STATE',
  'E_CTI_INVALID_ANSWERING_MACHINE',
  'E_CTI_INVALID_CALL_MANNER_TYPE',
  'E_CTI_INVALID_CALL_PLACEMENT_TYPE',
  'E_CTI_INVALID_CONSULT_TYPE',
  'E_CTI_INVALID_FACILITY_TYPE',
  'E_CTI_INVALID_AGENT_WORK_MODE',
  'E_CTI_INVALID_CALL_OPTION',
  'E_CTI_INVALID_DESTINATION_COUNTRY',
  'E_CTI_INVALID_ANSWER_DETECT_MODE',
  'E_CTI_MUTUALLY_EXCLUS_DEVICEID_TYPES',
  'E_CTI_INVALID_MONITORID',
  'E_CTI_SESSION_MONITOR_ALREADY_EXISTS',
  'E_CTI_SESSION_MONITOR_IS_CLIENTS',
  'E_CTI_INVALID_CALL_CONTROL_MASK',
  'E_CTI_INVALID_FEATURE_MASK',
  'E_CTI_INVALID_TRANSFER_CONFERENCE_SETUP_MASK',
  'E_CTI_INVALID_ARRAY_INDEX',
  'E_CTI_CLIENT_NOT_FOUND',
  'E_CTI_SUPERVISOR_NOT_FOUND',
  'E_CTI_TEAM_NOT_FOUND',
  'E_CTI_NO_CALL_ACTIVE',
  'E_CTI_NAMED_VARIABLE_NOT_CONFIGURED',
  'E_CTI_NAMED_ARRAY_NOT_CONFIGURED',
  'E_CTI_INVALID_CALL_VARIABLE_MASK',
  'E_CTI_ELEMENT_NOT_FOUND',
  'E_CTI_INVALID_DISTRIBUTION_TYPE',
  'E_CTI_INVALID_SKILL_GROUP',
  'E_CTI_TOO_MUCH_DATA',
  'E_CTI_VALUE_TOO_LONG',
  'E_CTI_SCALAR_FUNCTION_ON_ARRAY',
  'E_CTI_ARRAY_FUNCTION_ON_SCALAR',
  'E_CTI_INVALID_NUM_NAMED_VARIABLES',
  'E_CTI_INVALID_NUM_NAMED_ARRAYS',
  'E_CTI_INVALID_RTP_DIRECTION',
  'E_CTI_INVALID_RTP_TYPE',
  'E_CTI_CALLED_PARTY_DISPOSITION',
  'E_CTI_INVALID_SUPERVISORY_ACTION',
  'E_CTI_AGENT_TEAM_MONITOR_ALREADY_EXISTS',
  'E_CTI_INVALID_SERVICE',
  'E_CTI_SERVICE_CONFLICT',
  'E_CTI_SKILL_GROUP_CONFLICT',
  'E_CTI_INVALID_DEVICE',
  'E_CTI_INVALID_MR_DOMAIN',
  'E_CTI_MONITOR_ALREADY_EXISTS',
  'E_CTI_MONITOR_TERMINATED',
  'E_CTI_INVALID_TASK_MSG_MASK',
  'E_CTI_INVALID_CSD',
  'E_CTI_INVALID_MONITOR_STATUS',
  'E_CTI_INVALID_REQUEST_TYPE',
] as const;

const requestLevel = p('retry', 'ignore', 'about one request, not the session');

/** What the OPEN_REQ carries, refused: the same request would be refused again until the configuration changes. */
const refusedConfig = (what: string): StatusPolicy =>
  p('config', 'ignore', `${what}: the same OPEN_REQ is refused until the configuration changes`);

/** Our encoding of OPEN_REQ, refused: a different version setting (or a package update) fixes it, not a retry. */
const refusedEncoding = (what: string): StatusPolicy =>
  p('config', 'ignore', `${what} in what this client sends: a retry sends the same bytes; check the version setting`);

export const STATUS_POLICY: Readonly<Record<string, StatusPolicy>> = {
  E_CTI_NO_ERROR: p('retry', 'ignore', 'not a failure; a FAILURE_CONF carrying it is a server oddity, so try again'),
  E_CTI_INVALID_VERSION: refusedConfig('the protocol version'),
  E_CTI_INVALID_MESSAGE_LENGTH: refusedEncoding('a message length'),
  E_CTI_INVALID_FIELD_TAG: refusedEncoding('a floating tag'),
  E_CTI_SESSION_NOT_OPEN: p('retry', 'failover', 'the server lost this session: open a new one'),
  E_CTI_SESSION_ALREADY_OPEN: p('retry', 'ignore', 'a fresh connection opens a fresh session'),
  E_CTI_REQUIRED_DATA_MISSING: refusedConfig('a required field (ClientID, agent) is missing'),
  E_CTI_INVALID_PERIPHERAL_ID: refusedConfig('the peripheral ID'),
  E_CTI_INVALID_AGENT_DATA: refusedConfig('the agent extension / ID / instrument'),
  E_CTI_AGENT_NOT_LOGGED_ON: p('retry', 'ignore', 'the agent may log on later: keep trying with backoff'),
  E_CTI_DEVICE_IN_USE: p('retry', 'ignore', 'another client holds the device and may release it'),
  E_CTI_NEW_SESSION_OPENED: p(
    'stop',
    'stop',
    'another client with the same ClientID took the session over; re-opening would evict it in turn (flapping)',
  ),
  E_CTI_FUNCTION_NOT_AVAILABLE: refusedConfig('a service not granted to this client'),
  E_CTI_CTI_SERVER_OFFLINE: p('other-side', 'failover', 'the guide: the client closes and uses the other side'),
  E_CTI_TIMEOUT: p('retry', 'failover', 'the server timed this session out (IdleTimeout): open again'),
  E_CTI_UNSPECIFIED_FAILURE: p('retry', 'ignore', 'nothing says it will last'),
  E_CTI_INVALID_TIMEOUT: refusedConfig('the idle timeout'),
  E_CTI_INVALID_SERVICE_MASK: refusedConfig('the services requested'),
  E_CTI_INVALID_CALL_MSG_MASK: refusedConfig('the call message mask'),
  E_CTI_INVALID_AGENT_STATE_MASK: refusedConfig('the agent state mask'),
  E_CTI_INVALID_RESERVED_FIELD: refusedEncoding('a reserved field'),
  E_CTI_INVALID_FIELD_LENGTH: refusedConfig('a field too long (ClientID, agent, signature)'),
  E_CTI_INVALID_DIGITS: refusedConfig('the agent extension / instrument (digits only)'),
  E_CTI_BAD_MESSAGE_FORMAT: refusedEncoding('the message format'),
  E_CTI_INVALID_TAG_FOR_MSG_TYPE: refusedEncoding('a floating field'),
  E_CTI_INCONSISTENT_AGENT_DATA: refusedConfig('agent extension, ID and instrument that do not belong together'),
  E_CTI_INVALID_PASSWORD: refusedConfig('ClientID / password'),
  E_CTI_CLIENT_DISCONNECTED: p('retry', 'failover', 'the server considers this client gone: open again'),
  E_CTI_INVALID_MSG_TYPE_FOR_VERSION: refusedEncoding('a message type'),
  E_CTI_INVALID_TAG_FOR_VERSION: refusedEncoding('a floating tag'),
  E_CTI_INVALID_CHARACTER: refusedConfig('a character in ClientID, signature or agent fields'),
  E_CTI_SERVER_NOT_MASTER: p('other-side', 'failover', 'this side is the standby: the other side is active'),
  E_CTI_JTAPI_CCM_PROBLEM: p('retry', 'ignore', 'a Unified CM problem that the server may get over'),
  E_INVALID_CONFIG_MSG_MASK: refusedConfig('the config message mask'),
  E_CTI_AUTO_CONFIG_RESET: p('retry', 'failover', 'the configuration changed (Unified CCX): open again to get it'),
  E_CTI_INVALID_CLIENT_FOR_STANDBY: p('other-side', 'failover', 'this side is the standby: the other side is active'),
  E_CTI_INVALID_UNIQUE_INSTANCE_ID: refusedConfig('the unique instance ID'),
  E_CTI_DUPLICATE_UNIQUE_INSTANCE_ID: p('retry', 'ignore', 'the other instance may go away'),
  E_CTI_SERVER_IN_MAINTENANCE_MODE: p('other-side', 'failover', 'this side is going into maintenance: use the other'),
  ...Object.fromEntries(REQUEST_LEVEL.map((name) => [name, requestLevel])),
};

const UNKNOWN: StatusPolicy = p('retry', 'ignore', 'a status this client does not know (a newer server)');

export function policyFor(status: number): StatusPolicy {
  const name = StatusCode.nameOf(status);
  return (name !== undefined && STATUS_POLICY[name]) || UNKNOWN;
}
