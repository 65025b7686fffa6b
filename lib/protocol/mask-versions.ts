/**
 * Which bits of the OPEN_REQ masks each protocol version defines. A client must not set a bit its session's
 * version does not have: a server of that version refuses the OPEN_REQ (E_CTI_INVALID_CALL_MSG_MASK …).
 * Added for the session (lib/session) and usable by the simulator's OPEN_REQ check.
 *
 * Unsure: the guide's "Changes and Additions" chapter names when messages were added, not mask bits. Read from
 * it: NETWORK_RECORDING_* events (CallMsgMask 0x10000000-0x80000000) arrived with PV23; CTI_SERVICE_ACTIVE_STANDBY
 * (0x02000000) with PV24; configuration acquisition (ConfigMsgMask) with PV19 and CONFIG_MRD_EVENT (0x20) with
 * PV20. Every other bit is taken as defined in every supported version (15+).
 */
import { AgentStateMask, CallEventMask, ConfigMsgMask, ServiceMask } from './constants';

export type OpenMaskField = 'servicesRequested' | 'callMsgMask' | 'agentStateMask' | 'configMsgMask';

const NETWORK_RECORDING_BITS = 0xf0000000;

/** The bits of `field` defined in protocol `version`. */
export function maskBitsDefinedIn(field: OpenMaskField, version: number): number {
  switch (field) {
    case 'servicesRequested':
      return version >= 24
        ? ServiceMask.allBits
        : (ServiceMask.allBits & ~ServiceMask.byName.CTI_SERVICE_ACTIVE_STANDBY) >>> 0;
    case 'callMsgMask':
      return version >= 23 ? CallEventMask.allBits : (CallEventMask.allBits & ~NETWORK_RECORDING_BITS) >>> 0;
    case 'agentStateMask':
      return AgentStateMask.allBits;
    case 'configMsgMask':
      if (version < 19) return 0;
      return version >= 20
        ? ConfigMsgMask.allBits
        : (ConfigMsgMask.allBits & ~ConfigMsgMask.byName.CONFIG_MRD_MASK) >>> 0;
  }
}

/** The version that first defines every bit of `mask` (for messages), or undefined when some bit is never defined. */
export function firstVersionDefining(
  field: OpenMaskField,
  mask: number,
  versions: readonly number[],
): number | undefined {
  return versions.find((v) => (mask & ~maskBitsDefinedIn(field, v)) >>> 0 === 0);
}
