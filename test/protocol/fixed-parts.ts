/**
 * Fixed parts of two call events, written field by field from the reference layouts (cti-protocol.md Part 2 §1),
 * for specs that build frames by hand around them.
 */
import { Bytes } from './test-buffers';

/** END_CALL_EVENT fixed part (16 bytes): MonitorID, PeripheralID, PeripheralType, ConnectionDeviceIDType, ConnectionCallID. */
export function endCallFixed(): Bytes {
  return new Bytes().u32(7).u32(5000).u16(17).u16(1).u32(0x01000001);
}

/** CALL_DELIVERED_EVENT fixed part (54 bytes) with the given ECC counts. */
export function deliveredFixed(numNamedVariables: number, numNamedArrays: number): Bytes {
  return new Bytes()
    .u32(7) // MonitorID
    .u32(5000) // PeripheralID
    .u16(17) // PeripheralType
    .u16(1) // ConnectionDeviceIDType
    .u32(0x01000001) // ConnectionCallID
    .u16(0xffff) // LineHandle
    .u16(0xffff) // LineType
    .u32(1) // ServiceNumber
    .u32(2) // ServiceID
    .u32(3) // SkillGroupNumber
    .u32(4) // SkillGroupID
    .u16(0) // SkillGroupPriority
    .u16(0) // AlertingDeviceType
    .u16(0) // CallingDeviceType
    .u16(0) // CalledDeviceType
    .u16(0) // LastRedirectDeviceType
    .u16(2) // LocalConnectionState
    .u16(0xffff) // EventCause
    .u16(numNamedVariables)
    .u16(numNamedArrays);
}
