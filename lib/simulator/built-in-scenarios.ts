import type { ScenarioCall, ScenarioDef, ScenarioStep } from './scenario-types';

/**
 * The scenarios cti-sim knows by name (SCENARIOS.md describes each and the JSON format). Calls carry varied
 * context so every example has something to show: ANI, DNIS (one line of business each), call variables and the
 * ECC variables user.case and user.cust.id.
 */

/**
 * Callers of the gentle, ringing and routing scenarios, one per line of business (DNIS), each routed to the skill
 * group of that line: 8005551000 and 8005553000 to 100 "Sales", 8005552000 to 200 "Support" (the default
 * organisation's; on a simulator without those groups the calls go to any agent).
 */
const CALLERS: Pick<ScenarioCall, 'ani' | 'dnis' | 'callVariables' | 'namedVariables' | 'skillGroupNumber'>[] = [
  {
    ani: '4085551234',
    dnis: '8005551000',
    skillGroupNumber: 100,
    callVariables: { '1': 'ACCT-12345', '2': 'gold' },
    namedVariables: [
      { name: 'user.case', value: 'C-1001' },
      { name: 'user.cust.id', value: 'CUST-1001' },
    ],
  },
  {
    ani: '6505550142',
    dnis: '8005552000',
    skillGroupNumber: 200,
    callVariables: { '1': 'ACCT-23456', '2': 'silver' },
    namedVariables: [
      { name: 'user.case', value: 'C-1002' },
      { name: 'user.cust.id', value: 'CUST-2002' },
    ],
  },
  {
    ani: '2125550199',
    dnis: '8005553000',
    skillGroupNumber: 100,
    callVariables: { '1': 'ACCT-34567', '2': 'bronze' },
    namedVariables: [
      { name: 'user.case', value: 'C-1003' },
      { name: 'user.cust.id', value: 'CUST-3003' },
    ],
  },
];

const wrapUp: ScenarioStep = {
  delay: 1000,
  action: 'setCallData',
  callVariables: { '5': 'handled' },
  namedVariables: [{ name: 'user.disposition', value: 'resolved' }],
};

/** The default of `npx cti-sim`: a few calls a minute that the simulator answers itself. */
const GENTLE: ScenarioDef = {
  name: 'gentle',
  description:
    'the default: an inbound call every ~12 s (three callers, DNIS 8005551000/2000/3000, CVs, ECC), rings 3 s, answered by the simulator, caller hangs up ~8 s later',
  calls: CALLERS.map((caller, i) => ({
    at: i * 12000,
    type: 'inbound',
    routed: true,
    whenNoAgent: 'skip',
    ...caller,
    steps: [{ delay: 3000, action: 'answer' }, wrapUp, { delay: 7000, action: 'hangUp' }],
  })),
};

/**
 * For agent desktops and call control: the call rings until a client answers it (ANSWER_CALL_REQ), the caller
 * gives up after 60 s, and an answered call lasts 30 s (time to hold, retrieve, transfer). One call at a time,
 * only to an available agent.
 */
const RINGING: ScenarioDef = {
  name: 'ringing',
  description:
    'a call rings at the first available agent until a client answers it (the caller abandons after a minute); the caller hangs up 30 s after the answer; the next call 5 s later',
  // Not routed to skill groups: a desktop (--agents 1001, or the first available agent) gets every call.
  calls: CALLERS.map(({ skillGroupNumber: _group, ...caller }) => ({
    type: 'inbound',
    routed: true,
    whenNoAgent: 'skip',
    ...caller,
    steps: [
      { action: 'waitForAnswer', timeout: 60000 },
      { delay: 30000, action: 'hangUp' },
    ],
  })),
};

/** For routing on DNIS: one call to each of three numbers per round. */
const ROUTING: ScenarioDef = {
  name: 'routing',
  description:
    'three calls per round, 4 s apart, to DNIS 8005551000 (sales), 8005552000 (support), 8005553000 (other); answered after 2 s, end ~7 s later',
  calls: CALLERS.map((caller, i) => ({
    at: i * 4000,
    type: 'inbound',
    routed: true,
    whenNoAgent: 'skip',
    ...caller,
    steps: [{ delay: 2000, action: 'answer' }, wrapUp, { delay: 6000, action: 'hangUp' }],
  })),
};

/** An answered call, consulted with a second agent, then transferred or conferenced. */
function consultThen(kind: 'transfer' | 'conference', description: string): ScenarioDef {
  return {
    name: kind,
    description,
    calls: [
      {
        type: 'inbound',
        callVariables: { '1': `${kind}-me` },
        steps: [
          { delay: 1000, action: 'answer' },
          { delay: 2000, action: 'consult' },
          { delay: 2000, action: kind },
          { delay: 3000, action: 'release' },
        ],
      },
    ],
  };
}

/** The scenario `npx cti-sim` plays when no --scenario is given (`--scenario none` for none). */
export const DEFAULT_SCENARIO = 'gentle';

const talk = (ms: number): ScenarioStep[] => [
  { delay: 2000, action: 'answer' },
  {
    delay: 1000,
    action: 'setCallData',
    callVariables: { '5': 'handled' },
    namedVariables: [{ name: 'user.disposition', value: 'resolved' }],
  },
  { delay: ms, action: 'release' },
];

export const BUILT_IN_SCENARIOS: Record<string, ScenarioDef> = {
  gentle: GENTLE,
  ringing: RINGING,
  routing: ROUTING,
  inbound: {
    name: 'inbound',
    description: 'one routed call at a time, answered by the simulator after 2 s, ends ~6 s after it rang',
    calls: [
      {
        type: 'inbound',
        routed: true,
        ani: '4085551234',
        dnis: '8005551000',
        callVariables: { '1': 'ACCT-12345', '2': 'gold' },
        namedVariables: [{ name: 'user.case', value: 'C-1001' }],
        steps: talk(3000),
      },
    ],
  },
  'busy-hour': {
    name: 'busy-hour',
    description: 'three calls per round: routed, queued, translation-routed (load: add --rate)',
    calls: [
      {
        type: 'inbound',
        routed: true,
        skillGroupNumber: 100,
        callVariables: { '1': 'busy-hour' },
        steps: [
          { delay: 500, action: 'answer' },
          { delay: 4000, action: 'release' },
        ],
      },
      {
        type: 'inbound',
        routed: true,
        skillGroupNumber: 200,
        queued: true,
        queueMs: 1000,
        steps: [
          { delay: 800, action: 'answer' },
          { delay: 2500, action: 'release' },
        ],
      },
      {
        type: 'inbound',
        routed: false,
        translationRoute: true,
        steps: [
          { delay: 300, action: 'answer' },
          { delay: 6000, action: 'release' },
        ],
      },
    ],
  },
  transfer: consultThen('transfer', 'answered, consulted with a second agent, transferred to it'),
  conference: consultThen('conference', 'answered, consulted with a second agent, conferenced'),
  outbound: {
    name: 'outbound',
    description: 'an agent dials out; the far end answers, hangs up after 3 s',
    calls: [
      {
        type: 'outbound',
        dialedNumber: '9005550100',
        callVariables: { '1': 'campaign-7' },
        steps: [{ delay: 3000, action: 'release' }],
      },
    ],
  },
};
