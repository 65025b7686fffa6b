/**
 * Call events for the CallTracker unit tests, passed through the codec so the tracker sees exactly what a
 * session would.
 */
import { decodeMessage, encodeMessage, type CtiMessage } from '../../lib/protocol';

/** A ConnectionDeviceIDType; its value does not matter to the tracker. */
export const DEV = 1;

export function wire(msg: CtiMessage, version = 24): CtiMessage {
  return decodeMessage(encodeMessage(msg, version), version);
}

export function begin(callId: number, deviceId: string, extra: Partial<CtiMessage> = {}, version = 24): CtiMessage {
  return wire(
    {
      messageType: 'BEGIN_CALL_EVENT',
      monitorId: 0,
      peripheralId: 5000,
      peripheralType: 16,
      callType: 1,
      connectionDeviceIdType: DEV,
      connectionCallId: callId,
      calledPartyDisposition: 0,
      connectionDeviceId: deviceId,
      ...extra,
    },
    version,
  );
}

export function dataUpdate(callId: number, deviceId: string, extra: Partial<CtiMessage>, version = 24): CtiMessage {
  return wire(
    {
      messageType: 'CALL_DATA_UPDATE_EVENT',
      monitorId: 0,
      peripheralId: 5000,
      peripheralType: 16,
      callType: 1,
      connectionDeviceIdType: DEV,
      connectionCallId: callId,
      newConnectionDeviceIdType: DEV,
      newConnectionCallId: callId,
      calledPartyDisposition: 0,
      campaignId: 0,
      queryRuleId: 0,
      connectionDeviceId: deviceId,
      newConnectionDeviceId: deviceId,
      ...extra,
    },
    version,
  );
}

/** A call event with just the connection head; `extra` supplies the rest of its fields. */
export function simpleEvent(
  type: string,
  callId: number,
  deviceId: string,
  extra: Partial<CtiMessage> = {},
): CtiMessage {
  return {
    messageType: type,
    monitorId: 0,
    peripheralId: 5000,
    peripheralType: 16,
    connectionDeviceIdType: DEV,
    connectionCallId: callId,
    connectionDeviceId: deviceId,
    ...extra,
  };
}

export function endCall(callId: number, deviceId: string): CtiMessage {
  return wire(simpleEvent('END_CALL_EVENT', callId, deviceId));
}
