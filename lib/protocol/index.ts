export * from './types';
export * from './generated/messages';
export { isMessageType } from './message-guard';
export * from './enum';
export * from './constants';
export { CtiProtocolError, type CtiProtocolErrorCode } from './errors';
export { fieldKey } from './naming';
export { encodeMessage, MAX_ECC_BYTES } from './encode';
export { decodeMessage, HEADER_SIZE, DEFAULT_MAX_MESSAGE_LENGTH } from './decode';
export { explainCodec, type CodecSource } from './explain';
export { decodeWarningKey, type DecodeWarning, type DecodeWarningKind } from './warnings';
export { FrameReader, type FrameReaderOptions } from './frame-reader';
export { maskBitsDefinedIn, firstVersionDefining, type OpenMaskField } from './mask-versions';
export {
  MESSAGE_DEFS,
  SUPPORTED_VERSIONS,
  DEFAULT_VERSION,
  MIN_VERSION,
  MAX_VERSION,
  getMessageDef,
  getPlan,
  messageTypeId,
  messageTypeName,
  type MessagePlan,
  type FixedPlan,
  type FloatPlan,
} from './catalog';
export { MESSAGE_TYPES } from './message-types';
export { TAGS, TAG_BY_NUMBER } from './tags';
export { FIELD_ENUMS, withEnumNames, fromEnumNames } from './field-enums';
export { configRecords, fromConfigRecords, CONFIG_ITEM, CONFIG_RECORD, type ConfigRecord } from './config-records';
