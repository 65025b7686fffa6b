import type { CtiMessage } from './types';
import type { CtiMessageMap } from './generated/messages';

/**
 * Narrows a loosely typed message to its generated interface:
 * `if (isMessageType(m, 'CALL_DELIVERED_EVENT')) m.connectionCallId` is a number.
 */
export function isMessageType<K extends keyof CtiMessageMap>(msg: CtiMessage, type: K): msg is CtiMessageMap[K] {
  return msg.messageType === type;
}
