/**
 * The one source of the cti-server node's defaults and limits, for the runtime (server-config.ts) and the editor:
 * the build (nodes/build.js) writes this module into the editor page as window.ciscoCti.defaults, so the .html
 * never repeats a port, a version or a limit. No imports: the same compiled code runs in the browser.
 */

/** Protocol versions the package speaks, and the UCCE release each came with. */
export const MIN_PROTOCOL_VERSION = 15;
export const MAX_PROTOCOL_VERSION = 25;

export interface VersionChoice {
  version: number;
  /** The UCCE release, as the protocol reference's version history gives it. */
  release: string;
  /** The reference does not name the release: the label is our best reading. */
  unsure: boolean;
}

/**
 * From /work/shared/cti-protocol.md "Version history" (PV24 guide "Changes and Additions").
 * Unsure: the reference names no release for 19 and 21-23; the labels give the releases between the known
 * neighbours (19 after 10.0 and before 11.5; 21-23 after 11.5 and before 12.6).
 */
export const VERSION_CHOICES: readonly VersionChoice[] = [
  { version: 25, release: '15.0', unsure: false },
  { version: 24, release: '12.6', unsure: false },
  { version: 23, release: '12.5', unsure: true },
  { version: 22, release: '12.0', unsure: true },
  { version: 21, release: '11.6', unsure: true },
  { version: 20, release: '11.5', unsure: false },
  { version: 19, release: '11.0', unsure: true },
  { version: 18, release: '10.0', unsure: false },
  { version: 17, release: '9.0', unsure: false },
  { version: 16, release: '9.0', unsure: false },
  { version: 15, release: '8.5', unsure: false },
];

export const SERVICE_NAMES = [
  'ALL_EVENTS',
  'CLIENT_EVENTS',
  'CALL_DATA_UPDATE',
  'CLIENT_CONTROL',
  'AGENT_STATE_CONTROL_ONLY',
  // PERIPHERAL_MONITOR is not offered: its monitors (MONITOR_START_REQ …) are not implemented, so the box did
  // nothing; configVersion 2 drops it from saved configurations (migrations.ts).
  'SUPERVISOR',
  'AGENT_REPORTING',
] as const;

export const SERVER_DEFAULTS = {
  portA: 42027,
  portB: 43027,
  clientId: 'NodeRED',
  /** 'auto': the highest version the server accepts. */
  version: 'auto' as number | 'auto',
  services: ['ALL_EVENTS', 'CALL_DATA_UPDATE', 'CLIENT_CONTROL'],
  heartbeat: 30,
  idleTimeout: '',
  registerVariables: false,
  /** PG maintenance mode is accepted (and the session moves to the other side) unless this is ticked. */
  rejectMaintenance: false,
  registerCallVariables: [] as number[],
  registerEcc: '',
  registerEccArrays: '',
  record: false,
  recordPath: '',
  recordMaxMb: 10,
  recordMaxFiles: 5,
  recordMask: true,
};

export const SERVER_LIMITS = {
  minVersion: MIN_PROTOCOL_VERSION,
  maxVersion: MAX_PROTOCOL_VERSION,
  /** The guide's minimum heartbeat interval (seconds); 0 = no heartbeats. */
  minHeartbeat: 5,
  /** The guide's minimum idle timeout (seconds); empty or 0 = automatic (4 heartbeat intervals, at least 120 s). */
  minIdleTimeout: 20,
  maxPort: 65535,
  /** Call variables are CallVariable1..10. */
  callVariables: 10,
  /** The guide's limit for an ECC name. */
  maxEccName: 32,
  maxClientId: 63,
  maxPasswordBytes: 64,
  maxAgentExtension: 15,
  maxAgentId: 11,
  maxAgentInstrument: 63,
};

/** What the editor receives (window.ciscoCti.defaults). */
export const EDITOR_DEFAULTS = { server: SERVER_DEFAULTS, limits: SERVER_LIMITS, versions: VERSION_CHOICES };
