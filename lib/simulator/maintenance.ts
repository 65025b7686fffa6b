/**
 * PG maintenance mode on a duplexed pair (cti-protocol-supervisor-config.md §23.3): the active side asks every
 * client that can move (PV24+, CTI_SERVICE_ACTIVE_STANDBY, not itself a standby session) with
 * ACTIVE_MAINTENANCE_REQ; each must answer within the window (5 s by the guide; the simulator's clock). One
 * rejection, one silence or an answer with an unknown InvokeID cancels it for everybody (ACTIVE_MAINTENANCE_EVENT
 * cancel). Otherwise (continue): the other side becomes active — STANDBY_ACTIVE_EVENT to its standby sessions and
 * the calls in progress replayed to its All Events clients (call-state-rebuild.ts) — and this side stops: it sends
 * no more events, closes each asked session when its STOPPING_REQUESTS_TO_THIS_SIDE_IND arrives (or, Unsure, with
 * FAILURE_EVENT E_CTI_SERVER_IN_MAINTENANCE_MODE when the window passes without one), closes the sessions it did
 * not ask (PV<24 or no standby service; Unsure: chose the same FAILURE_EVENT) at once, and refuses OPEN_REQ with
 * E_CTI_SERVER_IN_MAINTENANCE_MODE until the pair ends the maintenance. Requests a client sent before its IND are
 * still answered (the model is shared).
 * Either side stopping while the clients are being asked (pair.stop(), a crash) ends the question at once: the
 * outcome is 'cancel' with `stopped` set, those who had not answered counted silent, and nothing is switched.
 */
import { ServiceMask, StatusCode } from '../protocol';
import type { ClientSession } from './client-session';
import type { CtiSimulator } from './server';

export interface MaintenanceOutcome {
  decision: 'continue' | 'cancel';
  /** Sessions asked, and how they answered (silent = no answer within the window). */
  asked: number;
  accepted: number;
  rejected: number;
  silent: number;
  /** Set when a side stopped while the clients were being asked: the maintenance did not happen. */
  stopped?: true;
}

/** The guide's answer window and IND window (5 s), on the simulator's clock. */
export const MAINTENANCE_WINDOW_MS = 5000;

let nextInvokeId = 0x4d000001;

/** Whether a session is asked: it can hold a session on the other side (§23.2 preconditions). */
export function canMove(s: ClientSession): boolean {
  return !s.standby && s.version >= 24 && (s.services & ServiceMask.byName.CTI_SERVICE_ACTIVE_STANDBY) !== 0;
}

export async function runMaintenance(
  from: CtiSimulator,
  to: CtiSimulator,
  windowMs = MAINTENANCE_WINDOW_MS,
): Promise<MaintenanceOutcome> {
  // The other side must be able to take over: a side still in maintenance (or stopped) cannot.
  if (to.inMaintenanceMode) throw new Error(`side ${to.side} is in maintenance: end it first (endMaintenance())`);
  if (to.isStopped) throw new Error(`side ${to.side} is stopped: nobody could take over`);
  const asked = from.openSessions().filter(canMove);
  from.log(`maintenance requested: asking ${asked.length} session(s)`);
  const answers = await askAll(from, to, asked, windowMs);
  const stopped = from.isStopped || to.isStopped;
  const out: MaintenanceOutcome = {
    decision: !stopped && answers.every((a) => a === true) ? 'continue' : 'cancel',
    asked: asked.length,
    accepted: answers.filter((a) => a === true).length,
    rejected: answers.filter((a) => a === false).length,
    silent: answers.filter((a) => a === undefined).length,
  };
  const event = {
    messageType: 'ACTIVE_MAINTENANCE_EVENT_MSG',
    maintenanceModeContinue: out.decision === 'continue' ? 1 : 0,
  };
  for (const s of asked) if (s.state === 'open') s.send(event);
  from.log(
    `maintenance ${out.decision === 'continue' ? 'continues' : 'cancelled'}: ${out.accepted} accepted, ${out.rejected} rejected, ${out.silent} silent`,
  );
  if (stopped) {
    from.log(`maintenance not done: side ${from.isStopped ? from.side : to.side} stopped while the clients were asked`);
    return { ...out, stopped: true };
  }
  if (out.decision === 'cancel') return out;
  to.setActive(true);
  from.enterMaintenance();
  const inMaintenance = StatusCode.byName.E_CTI_SERVER_IN_MAINTENANCE_MODE;
  for (const s of from.connectedSessions()) {
    if (asked.includes(s)) {
      from.schedule(windowMs, () => {
        if (s.state === 'closed') return;
        s.sendFailureEvent(inMaintenance);
        s.close('maintenance: no STOPPING_REQUESTS_TO_THIS_SIDE_IND in time');
      });
    } else {
      s.sendFailureEvent(inMaintenance);
      s.close('maintenance: side stopped');
    }
  }
  return out;
}

/**
 * ACTIVE_MAINTENANCE_REQ (a fresh InvokeID each) to every session; per session true / false as it answered,
 * undefined for silence within the window (or a session gone). One listener for all answers, so asking many
 * sessions adds no listener per session. Ends early, the unanswered ones undefined, when either side stops.
 */
function askAll(
  from: CtiSimulator,
  to: CtiSimulator,
  sessions: ClientSession[],
  windowMs: number,
): Promise<(boolean | undefined)[]> {
  if (sessions.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const answers = new Map<ClientSession, boolean | undefined>();
    const invokeIds = new Map<number, { session: ClientSession; invokeId: number }>();
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      timer.cancel();
      for (const forget of onStop) forget();
      from.off('maintenance-answer', onAnswer);
      resolve(sessions.map((s) => answers.get(s)));
    };
    const settle = (s: ClientSession, answer: boolean | undefined): void => {
      if (answers.has(s)) return;
      answers.set(s, answer);
      if (answers.size === sessions.length) finish();
    };
    const onAnswer = (a: { sessionId: number; invokeId: number; accepted: boolean }): void => {
      const asked = invokeIds.get(a.sessionId);
      if (asked === undefined) return;
      // Unsure: an answer with another InvokeID is taken as a rejection (§23.3).
      settle(asked.session, a.invokeId === asked.invokeId ? a.accepted : false);
    };
    // Silence: whoever has not answered when the window ends (on the simulator's clock) stays undefined.
    const timer = from.schedule(windowMs, () => {
      for (const s of sessions) if (!answers.has(s)) answers.set(s, undefined);
      finish();
    });
    // A stop cancels the window's timer (schedule), so without this the question would never end.
    const onStop = [from.whenStopped(finish), to.whenStopped(finish)];
    from.on('maintenance-answer', onAnswer);
    for (const s of sessions) {
      const invokeId = nextInvokeId++;
      invokeIds.set(s.id, { session: s, invokeId });
      if (!s.send({ messageType: 'ACTIVE_MAINTENANCE_REQ_MSG', invokeId })) settle(s, undefined);
    }
  });
}
