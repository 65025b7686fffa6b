/**
 * Short mode (in `npm test`): small heartbeats, a few hundred events per case. Long mode (`FAULTS=long npm run
 * test:faults`): the same cases with more events, plus the fuzz, soak and redeploy volumes.
 */
export const LONG = process.env.FAULTS === 'long';

/** Heartbeat interval of the session-level cases. */
export const HEARTBEAT_MS = 400;
/** Calls a second the stream starts (about six events each at an All Events client). */
export const CALLS_PER_SECOND = LONG ? 100 : 30;
