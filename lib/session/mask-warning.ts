/**
 * version 'auto' and masks the user wrote: options.ts checks them against the highest version (the one offered
 * first), and open-handshake.ts sends each OPEN_REQ with only the bits of the version offered. When the server
 * accepts a lower version, bits the user asked for on purpose are therefore not sent — a flow waiting for those
 * events would wait in silence. This says so once: the first open at a version that drops explicit bits, and again
 * only if a later open drops a different set (a server downgraded meanwhile), never on every reconnect.
 * Defaults (every call event, every agent state, the standby service the session adds itself) are not explicit:
 * trimming them to the version is expected and says nothing.
 */
import {
  AgentStateMask,
  CallEventMask,
  ConfigMsgMask,
  ServiceMask,
  maskBitsDefinedIn,
  type OpenMaskField,
} from '../protocol';
import { CtiSessionError } from './errors';

/** The OPEN_REQ masks the user set explicitly (options.ts fills it; absent = the default). */
export type ExplicitMasks = Partial<Record<OpenMaskField, number>>;

const TABLES: Record<OpenMaskField, { namesOf(mask: number): string[] }> = {
  servicesRequested: ServiceMask,
  callMsgMask: CallEventMask,
  agentStateMask: AgentStateMask,
  configMsgMask: ConfigMsgMask,
};

/** The option each OPEN_REQ field comes from (the names a user wrote). */
const OPTION: Record<OpenMaskField, string> = {
  servicesRequested: 'services',
  callMsgMask: 'callMsgMask',
  agentStateMask: 'agentStateMask',
  configMsgMask: 'configMsgMask',
};

/** Emitted once on the session's 'warning': explicit mask bits the negotiated version does not have. */
export class CtiMaskVersionWarning extends CtiSessionError {
  readonly version: number;
  /** Per option (services, callMsgMask …): the names of the bits not sent. */
  readonly dropped: Readonly<Record<string, string[]>>;

  constructor(version: number, dropped: Record<string, string[]>) {
    const what = Object.entries(dropped)
      .map(([option, names]) => `${option}: ${names.join(', ')}`)
      .join('; ');
    super(
      `the server accepted protocol version ${version} (version auto); it lacks mask bits set in the configuration, ` +
        `which are not requested: ${what}`,
      'mask-version',
    );
    this.version = version;
    this.dropped = dropped;
  }
}

/** The names of the explicit bits `version` lacks, per option; undefined when none are. */
export function droppedMaskBits(explicit: ExplicitMasks, version: number): Record<string, string[]> | undefined {
  const dropped: Record<string, string[]> = {};
  for (const field of Object.keys(explicit) as OpenMaskField[]) {
    const extra = ((explicit[field] ?? 0) & ~maskBitsDefinedIn(field, version)) >>> 0;
    if (extra === 0) continue;
    const names = TABLES[field].namesOf(extra);
    dropped[OPTION[field]] = names.length > 0 ? names : [`0x${extra.toString(16)}`];
  }
  return Object.keys(dropped).length > 0 ? dropped : undefined;
}

/** Says each distinct loss once per session (the session calls it on every accepted OPEN_CONF). */
export class MaskVersionCheck {
  private said = '';

  constructor(
    private readonly explicit: ExplicitMasks,
    private readonly versionAuto: boolean,
  ) {}

  /** The warning to emit for an open at `version`, or undefined (nothing dropped, or already said). */
  opened(version: number): CtiMaskVersionWarning | undefined {
    // A fixed version was checked against the options when the session was made (CtiOptionsError).
    if (!this.versionAuto) return undefined;
    const dropped = droppedMaskBits(this.explicit, version);
    if (dropped === undefined) return undefined;
    const warning = new CtiMaskVersionWarning(version, dropped);
    if (warning.message === this.said) return undefined;
    this.said = warning.message;
    return warning;
  }
}
