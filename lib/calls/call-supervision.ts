/**
 * The supervisor on a call (cti-protocol-supervisor-config.md §20.6), read from the EventCause of the call's own
 * events: a silent-monitor call's CALL_ESTABLISHED (CEC_SUPERVISOR_MONITOR), a barge-in's CALL_CONFERENCED
 * (CEC_SUPERVISOR_BARGE_IN), an intercept's CALL_CONNECTION_CLEARED of the agent (CEC_SUPERVISOR_INTERCEPT) and
 * the supervisor leaving (CEC_SUPERVISOR_CLEAR). Unsure: the guide gives no event sequences for supervision; these
 * are the reference's model, which the simulator plays.
 */
import { EventCause, type CtiMessage } from '../protocol';

/** msg.call.supervisor: the supervisor's device and what it is doing on the call. */
export interface CallSupervisor {
  /** The supervisor's device (extension). */
  readonly device: string;
  /** monitoring (on the monitor call), barged-in (a party of the call), intercepted (the agent has left). */
  readonly role: 'monitoring' | 'barged-in' | 'intercepted';
}

const CEC = EventCause.byName;

/** Updates `data.supervisor` from one of the call's events. */
export function absorbSupervision(data: Record<string, unknown>, msg: CtiMessage): void {
  const cause = msg.eventCause;
  if (typeof cause !== 'number' || cause < CEC.CEC_SUPERVISOR_CLEAR || cause > CEC.CEC_SUPERVISOR_INTERCEPT) return;
  const current = data.supervisor as CallSupervisor | undefined;
  const set = (device: unknown, role: CallSupervisor['role']): void => {
    if (typeof device === 'string' && device !== '') data.supervisor = Object.freeze({ device, role });
  };
  switch (msg.messageType) {
    case 'CALL_ESTABLISHED_EVENT':
      // The monitor call: the supervisor's device called the agent's.
      if (cause === CEC.CEC_SUPERVISOR_MONITOR) set(msg.callingDeviceId, 'monitoring');
      break;
    case 'CALL_CONFERENCED_EVENT':
      if (cause === CEC.CEC_SUPERVISOR_BARGE_IN) set(msg.addedPartyDeviceId, 'barged-in');
      break;
    case 'CALL_CONNECTION_CLEARED_EVENT':
      if (cause === CEC.CEC_SUPERVISOR_INTERCEPT && current !== undefined) set(current.device, 'intercepted');
      else if (cause === CEC.CEC_SUPERVISOR_CLEAR && current?.device === msg.releasingDeviceId) delete data.supervisor;
      break;
  }
}
