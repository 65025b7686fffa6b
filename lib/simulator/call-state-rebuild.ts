import { CallType, type CtiMessage, EventCause } from '../protocol';
import * as ev from './events';
import { LCS } from './events';
import type { SimCall, SimModel } from './model';

/** CEC_CALL_PARTY_UPDATE_IND (50): the event restates a call's present state; nothing happened to the call. */
export const CEC_CALL_PARTY_UPDATE_IND = EventCause.byName.CEC_CALL_PARTY_UPDATE_IND;

/**
 * The events that tell an All Events client, after a graceful switchover, what state one call in progress is
 * in (cti-protocol.md Part 1, "Active / standby CTI Servers"): CALL_DELIVERED_EVENT for an alerting connection,
 * CALL_ESTABLISHED_EVENT for a connected one, each with EventCause CEC_CALL_PARTY_UPDATE_IND and the call's
 * usual connection ids. BEGIN_CALL_EVENT is not among them: the session sends it first when the client has not
 * had one for the call.
 *
 * Unsure: the guide names only CALL_DELIVERED / CALL_ESTABLISHED and gives no rule per call state. Chose one
 * event per agent connection, built as the original event was, carrying the connection's present
 * LocalConnectionState:
 * - LCS_ALERTING: CALL_DELIVERED_EVENT at the agent's teleset.
 * - LCS_CONNECT: CALL_ESTABLISHED_EVENT, the agent answering (outbound: the far end answering, as sent then).
 * - LCS_HOLD (held call): CALL_ESTABLISHED_EVENT with LocalConnectionState LCS_HOLD — no CALL_HELD_EVENT, so
 *   only the two event types the guide names are used and the client learns "answered, now held" at once.
 * - LCS_INITIATE of an outbound call whose far end is ringing: CALL_DELIVERED_EVENT with the external alerting
 *   device and LCS_INITIATE, as the outbound flow sent it. The initiating side of an unanswered consultation
 *   gets nothing of its own: the target's CALL_DELIVERED describes the call.
 * - A queued call (no agent connection yet): the trunk-side CALL_DELIVERED_EVENT (alerting device = trunk) with
 *   LocalConnectionState LCS_QUEUED; no CALL_QUEUED_EVENT is repeated. Its later CALL_DEQUEUED / CALL_DELIVERED
 *   events are the normal ones.
 */
export function callStateEvents(m: SimModel, call: SimCall): CtiMessage[] {
  const cause = CEC_CALL_PARTY_UPDATE_IND;
  const outbound = call.callType === CallType.byName.CALLTYPE_AGENT_OUT;
  if (call.state === 'cleared') return [];
  if (call.connections.size === 0) {
    return call.state === 'queued' ? [ev.delivered(m, call, undefined, { lcs: LCS.LCS_QUEUED, cause })] : [];
  }
  const someoneAlerting = [...call.connections.values()].includes(LCS.LCS_ALERTING);
  const out: CtiMessage[] = [];
  for (const [agentId, lcs] of call.connections) {
    const agent = m.getAgent(agentId);
    switch (lcs) {
      case LCS.LCS_ALERTING:
        out.push(ev.delivered(m, call, agent, { cause }));
        break;
      case LCS.LCS_CONNECT:
      case LCS.LCS_HOLD: {
        const msg = ev.established(m, call, agent, { cause, lcs });
        out.push(
          outbound ? { ...msg, answeringDeviceType: ev.DEVID_EXTERNAL, answeringDeviceId: call.dialedNumber } : msg,
        );
        break;
      }
      case LCS.LCS_INITIATE:
        if (call.state === 'alerting' && !someoneAlerting) {
          const msg = ev.delivered(m, call, undefined, { lcs: LCS.LCS_INITIATE, cause });
          out.push({ ...msg, alertingDeviceType: ev.DEVID_EXTERNAL, alertingDeviceId: call.dialedNumber });
        }
        break;
    }
  }
  return out;
}
