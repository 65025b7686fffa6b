/**
 * Type test (checked by `npm run typecheck`, never run): the generated message types catch misspelt fields and
 * give fields their decoded types. Each `@ts-expect-error` line must fail to compile, or tsc reports the directive
 * as unused — so a regression to loose types fails the typecheck.
 */
import {
  decodeMessage,
  encodeMessage,
  isMessageType,
  type AnyCtiMessage,
  type CallDeliveredEvent,
  type CtiMessage,
  type CtiMessageMap,
  type NamedVariable,
} from '../../lib';

declare const e: CallDeliveredEvent;

// @ts-expect-error a misspelt field does not compile
e.conectionCallId;

const callId: number = e.connectionCallId;
// @ts-expect-error ConnectionCallID is a number, not a string
const callIdText: string = e.connectionCallId;

const ani: string | undefined = e.ani; // optional floating field
// @ts-expect-error an optional field may be undefined
const aniAlways: string = e.ani;
const deviceId: string = e.connectionDeviceId; // required floating field
const ecc: NamedVariable[] | undefined = e.namedVariables;

// The map and the union discriminate on messageType.
function onAny(m: AnyCtiMessage): number {
  switch (m.messageType) {
    case 'CALL_DELIVERED_EVENT':
      return m.connectionCallId;
    case 'AGENT_STATE_EVENT':
      // @ts-expect-error AGENT_STATE_EVENT has no connectionCallId
      return m.connectionCallId;
    default:
      return 0;
  }
}
const fromMap: CtiMessageMap['END_CALL_EVENT'] = {
  messageType: 'END_CALL_EVENT',
  monitorId: 0,
  peripheralId: 1,
  peripheralType: 17,
  connectionDeviceIdType: 1,
  connectionCallId: 2,
  connectionDeviceId: '2',
};
// @ts-expect-error the messageType must match the interface
const wrongType: CtiMessageMap['END_CALL_EVENT'] = { ...fromMap, messageType: 'BEGIN_CALL_EVENT' };

// Loose and typed messages mix without casts where the codec takes any message.
const frame: Buffer = encodeMessage(fromMap, 24);
const loose: CtiMessage = decodeMessage(frame, 24);
if (isMessageType(loose, 'END_CALL_EVENT')) {
  const id: number = loose.connectionCallId;
  // @ts-expect-error narrowed messages are checked too
  loose.conectionCallId;
  void id;
}

void [callId, callIdText, ani, aniAlways, deviceId, ecc, onAny, wrongType];
