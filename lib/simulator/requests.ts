import { ControlFailureCode, type CtiMessage, StatusCode } from '../protocol';
import { CALL_CONTROL_MORE_HANDLERS } from './call-control-more';
import { CALL_DATA_HANDLERS } from './call-data-requests';
import { CONTROL_HANDLERS } from './control-requests';
import { handleConfigMessage } from './config-acquisition';
import { STATISTICS_HANDLERS } from './statistics-requests';
import { SUPERVISION_HANDLERS } from './supervision';
import {
  Refusal,
  type RequestContext,
  type RequestHandler,
  type RequestHost,
  type RequestSession,
} from './request-context';

const S = StatusCode.byName;
const CF = ControlFailureCode.byName;

/**
 * Every request the simulator implements after OPEN, by message type (OPEN / HEARTBEAT / CLOSE are the
 * session's own). Call Data Update answers with its CONF first (SET_CALL_DATA_CONF only confirms receipt).
 */
const HANDLERS = {
  ...CALL_DATA_HANDLERS,
  ...CONTROL_HANDLERS,
  ...CALL_CONTROL_MORE_HANDLERS,
  ...STATISTICS_HANDLERS,
  // Overrides SET_AGENT_STATE_REQ for a supervisor changing a team member's state (and delegates the rest).
  ...SUPERVISION_HANDLERS,
} satisfies Record<`${string}_REQ`, RequestHandler>;

export type HandledRequestType = keyof typeof HANDLERS;

/** The request types the simulator implements (the rest get E_CTI_FUNCTION_NOT_AVAILABLE). */
export const HANDLED_REQUESTS = Object.keys(HANDLERS) as HandledRequestType[];

function isHandled(type: string): type is HandledRequestType {
  return Object.prototype.hasOwnProperty.call(HANDLERS, type);
}

/** Answers one request: its handler's CONF, FAILURE_CONF / CONTROL_FAILURE_CONF when refused. Never throws. */
export function handleRequest(session: RequestSession, msg: CtiMessage, invokeId: number, host: RequestHost): void {
  if (handleConfigMessage(session, msg, host)) return;
  if (!isHandled(msg.messageType)) {
    if (/_REQ(_MSG)?$/.test(msg.messageType)) {
      // Unsure: requests this simulator does not implement get E_CTI_FUNCTION_NOT_AVAILABLE.
      session.failureConf(invokeId, S.E_CTI_FUNCTION_NOT_AVAILABLE);
    } else {
      host.log(`session ${session.id}: ignoring ${msg.messageType}, which a client does not send`);
    }
    return;
  }
  const c: RequestContext = { session, host, msg, invokeId };
  try {
    HANDLERS[msg.messageType](c);
  } catch (err) {
    if (err instanceof Refusal) {
      host.log(`session ${session.id}: ${msg.messageType} refused: ${err.message}`);
      if (err.kind === 'failure') session.failureConf(invokeId, err.code);
      else
        session.send({ messageType: 'CONTROL_FAILURE_CONF', invokeId, failureCode: err.code, peripheralErrorCode: 0 });
    } else {
      host.log(`session ${session.id}: ${msg.messageType} failed: ${err instanceof Error ? err.message : String(err)}`);
      session.send({
        messageType: 'CONTROL_FAILURE_CONF',
        invokeId,
        failureCode: CF.CF_GENERIC_OPERATION,
        peripheralErrorCode: 0,
      });
    }
  }
}
