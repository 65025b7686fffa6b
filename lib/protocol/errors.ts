/**
 * Every codec failure is one of these: the code is the guide's E_CTI_* status name where one fits, so a
 * simulator can answer a bad frame with that status and a client can report it by name.
 */
export type CtiProtocolErrorCode =
  | 'E_CTI_INVALID_MESSAGE_LENGTH'
  | 'E_CTI_INVALID_FIELD_TAG'
  | 'E_CTI_INVALID_FIELD_LENGTH'
  | 'E_CTI_BAD_MESSAGE_FORMAT'
  | 'E_CTI_INVALID_TAG_FOR_MSG_TYPE'
  | 'E_CTI_INVALID_NUM_NAMED_VARIABLES'
  | 'E_CTI_INVALID_NUM_NAMED_ARRAYS'
  | 'E_CTI_REQUIRED_DATA_MISSING'
  | 'E_CTI_INVALID_VERSION'
  | 'E_CTI_INVALID_MSG_TYPE_FOR_VERSION'
  | 'E_CTI_INVALID_TAG_FOR_VERSION'
  | 'E_CTI_INVALID_CHARACTER'
  | 'E_CTI_TOO_MUCH_DATA';

export class CtiProtocolError extends Error {
  readonly code: CtiProtocolErrorCode;
  /** The message the error is about, when known (guide name). */
  readonly messageType?: string;
  /** The field the error is about, when known (property name). */
  readonly field?: string;

  constructor(code: CtiProtocolErrorCode, message: string, messageType?: string, field?: string) {
    super(message);
    this.name = 'CtiProtocolError';
    this.code = code;
    this.messageType = messageType;
    this.field = field;
  }
}
