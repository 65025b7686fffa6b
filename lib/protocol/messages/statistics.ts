/**
 * Miscellaneous service — statistics (cti-protocol-statistics-teams.md §12): QUERY_AGENT_STATISTICS_REQ/CONF
 * (112/113) and QUERY_SKILL_GROUP_STATISTICS_REQ/CONF (114/115). The layouts are the same in every version
 * 15–25; only the floating framing changes at v20 (the codec handles that).
 * The CONFs' printed "maximum message size" rows disagree with their own field lists (434 vs 450, 592 vs 604);
 * the field lists are followed, as the reference advises.
 */
import type { FixedFieldDef, FloatingFieldDef, MessageDef } from '../types';
import { AGENT_INSTRUMENT_OPT, INVOKE_ID, str } from './part2-fields';

const PERIPHERAL_ID: FixedFieldDef = { name: 'PeripheralID', type: 'UINT' };
const counters = (names: readonly string[], suffix: string): FixedFieldDef[] =>
  names.map((n) => ({ name: `${n}${suffix}`, type: 'UINT' }));

/** The 42 agent counters, in wire order; the CONF has them once with "Session", then once with "Today". */
export const AGENT_STATISTICS_COUNTERS: readonly string[] = [
  'AvailTime',
  'LoggedOnTime',
  'NotReadyTime',
  'ICMAvailableTime',
  'RoutableTime',
  'AgentOutCalls',
  'AgentOutCallsTalkTime',
  'AgentOutCallsTime',
  'AgentOutCallsHeld',
  'AgentOutCallsHeldTime',
  'HandledCalls',
  'HandledCallsTalkTime',
  'HandledCallsAfterCallTime',
  'HandledCallsTime',
  'IncomingCallsHeld',
  'IncomingCallsHeldTime',
  'InternalCalls',
  'InternalCallsTime',
  'InternalCallsRcvd',
  'InternalCallsRcvdTime',
  'InternalCallsHeld',
  'InternalCallsHeldTime',
  'AutoOutCalls',
  'AutoOutCallsTalkTime',
  'AutoOutCallsTime',
  'AutoOutCallsHeld',
  'AutoOutCallsHeldTime',
  'PreviewCalls',
  'PreviewCallsTalkTime',
  'PreviewCallsTime',
  'PreviewCallsHeld',
  'PreviewCallsHeldTime',
  'ReservationCalls',
  'ReservationCallsTalkTime',
  'ReservationCallsTime',
  'ReservationCallsHeld',
  'ReservationCallsHeldTime',
  'BargeInCalls',
  'InterceptCalls',
  'MonitorCalls',
  'WhisperCalls',
  'EmergencyCalls',
];

/** The 22 real-time ("Now") skill-group fields, in wire order (names as printed: no common suffix). */
export const SKILL_GROUP_NOW_FIELDS: readonly string[] = [
  'AgentsLoggedOn',
  'AgentsAvail',
  'AgentsNotReady',
  'AgentsReady',
  'AgentsTalkingIn',
  'AgentsTalkingOut',
  'AgentsTalkingOther',
  'AgentsWorkNotReady',
  'AgentsWorkReady',
  'AgentsBusyOther',
  'AgentsReserved',
  'AgentsHold',
  'AgentsICMAvailable',
  'AgentsApplicationAvailable',
  'AgentsTalkingAutoOut',
  'AgentsTalkingPreview',
  'AgentsTalkingReservation',
  'RouterCallsQNow',
  'LongestRouterCallQNow',
  'CallsQNow',
  'CallsQTimeNow',
  'LongestCallQNow',
];

/**
 * The 38 skill-group counters each interval block ("To5", "ToHalf", "Today") starts with, in wire order; the
 * three queue counters that end each block are named differently per block (SKILL_GROUP_QUEUE_FIELDS).
 */
export const SKILL_GROUP_INTERVAL_COUNTERS: readonly string[] = [
  'AvailTime',
  'LoggedOnTime',
  'NotReadyTime',
  'AgentOutCalls',
  'AgentOutCallsTalkTime',
  'AgentOutCallsTime',
  'AgentOutCallsHeld',
  'AgentOutCallsHeldTime',
  'HandledCalls',
  'HandledCallsTalkTime',
  'HandledCallsAfterCallTime',
  'HandledCallsTime',
  'IncomingCallsHeld',
  'IncomingCallsHeldTime',
  'InternalCallsRcvd',
  'InternalCallsRcvdTime',
  'InternalCallsHeld',
  'InternalCallsHeldTime',
  'AutoOutCalls',
  'AutoOutCallsTalkTime',
  'AutoOutCallsTime',
  'AutoOutCallsHeld',
  'AutoOutCallsHeldTime',
  'PreviewCalls',
  'PreviewCallsTalkTime',
  'PreviewCallsTime',
  'PreviewCallsHeld',
  'PreviewCallsHeldTime',
  'ReservationCalls',
  'ReservationCallsTalkTime',
  'ReservationCallsTime',
  'ReservationCallsHeld',
  'ReservationCallsHeldTime',
  'BargeInCalls',
  'InterceptCalls',
  'MonitorCalls',
  'WhisperCalls',
  'EmergencyCalls',
];

/** The interval blocks: the suffix of the 38 counters and the guide's names of the block's queue counters. */
export const SKILL_GROUP_INTERVALS = [
  { suffix: 'To5', queue: ['CallsQ5', 'CallsQTime5', 'LongestCallQ5'] },
  { suffix: 'ToHalf', queue: ['CallsQHalf', 'CallsQTimeHalf', 'LongestCallQHalf'] },
  { suffix: 'Today', queue: ['CallsQToday', 'CallsQTimeToday', 'LongestCallQToday'] },
] as const;

/** Agent identifiers of 112/113 (AgentID also accepted as AGENT_ID_LONG_TAG 194, as the reference advises). */
function agentIdentifiers(): FloatingFieldDef[] {
  return [str('AgentExtension', 4, 16), { ...str('AgentID', 5, 12), altTags: [194] }, AGENT_INSTRUMENT_OPT];
}

export const STATISTICS_MESSAGES: MessageDef[] = [
  {
    id: 112,
    name: 'QUERY_AGENT_STATISTICS_REQ',
    fixed: [INVOKE_ID, PERIPHERAL_ID],
    // All Events / Peripheral Monitor clients must give one of the three; a Client Events client means its own agent.
    floating: agentIdentifiers(),
    note: 'cti-protocol-statistics-teams.md §12.1',
  },
  {
    id: 113,
    name: 'QUERY_AGENT_STATISTICS_CONF',
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      ...counters(AGENT_STATISTICS_COUNTERS, 'Session'),
      ...counters(AGENT_STATISTICS_COUNTERS, 'Today'),
    ],
    // Unsure: the guide does not mark the identifiers optional, yet a server may leave one out (an agent without
    // an extension); decoded as optional, the simulator always sends all three.
    floating: agentIdentifiers(),
    note: 'cti-protocol-statistics-teams.md §12.2: 344-byte fixed part (84 counters), same in v15-25',
  },
  {
    id: 114,
    name: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      { name: 'SkillGroupNumber', type: 'UINT' },
      { name: 'SkillGroupID', type: 'UINT' },
    ],
    floating: [],
    note: 'cti-protocol-statistics-teams.md §12.3: the identifier not given is NULL_SKILL_GROUP (0xFFFFFFFF)',
  },
  {
    id: 115,
    name: 'QUERY_SKILL_GROUP_STATISTICS_CONF',
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      { name: 'SkillGroupNumber', type: 'UINT' },
      { name: 'SkillGroupID', type: 'UINT' },
      ...counters(SKILL_GROUP_NOW_FIELDS, ''),
      ...SKILL_GROUP_INTERVALS.flatMap((b) => [
        ...counters(SKILL_GROUP_INTERVAL_COUNTERS, b.suffix),
        ...counters(b.queue, ''),
      ]),
    ],
    floating: [],
    note: 'cti-protocol-statistics-teams.md §12.4: 596-byte fixed part (145 counters), no floating part, v15-25',
  },
];
