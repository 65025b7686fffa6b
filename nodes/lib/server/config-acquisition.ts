/**
 * cti-server, part "configuration acquisition": the server asks the CTI Server for its configuration (skill groups
 * and agents: the names a board shows) once per open session — and only while some user needs it — and keeps the
 * names for every user of the server (cti-state nodes read them; none sends its own CONFIG_REQUEST_EVENT). What the
 * CTI Server granted (the items it sent, CONFIG_END_EVENT's status, how many skill groups and agents it named) is
 * shown in the server's state view (cti-status `payload.configuration`, a `configuration` message) and in the log.
 * It also keeps the agent teams a supervisor session was told about (AGENT_TEAM_CONFIG_EVENT, sent only after OPEN
 * and on a change), so a board deployed beside an open session shows them at once.
 */
import { CONFIG_ITEM, type CtiMessage } from '../../../lib/protocol';
import { ConfigurationNames, TeamConfigs } from '../../../lib/contact-center';
import type { ConfigurationInfo } from '../server-api';

export type { ConfigurationInfo };

export interface AcquisitionHost {
  /** Sends a client message without an answer; false when the session is not open. */
  notify(message: CtiMessage): boolean;
  /** The configured PeripheralID, if any. */
  peripheralId(): number | undefined;
  /** The upload ended: a line for the log. */
  ended(info: ConfigurationInfo): void;
}

/** What a board needs: skill groups (0x2) and agents (0x4). The same mask asks for their updates. */
const NAMES = CONFIG_ITEM.SKILL_GROUP | CONFIG_ITEM.AGENT;
/** CONFIG_BEGIN_EVENT ConfigType: 1 = the requested upload, 2 = an update block. */
const SOLICITED = 1;
/** CONFIG_END_EVENT ConfigEndStatus (§22.5). */
const END_STATUS = [
  'CONFIGEND_SUCCESS',
  'CONFIGEND_NO_SERVICE_PROVIDER',
  'CONFIGEND_UNKNOWN_CUSTOMER',
  'CONFIGEND_INVALID',
  'CONFIGEND_EMPTY',
  'CONFIGEND_PARTIAL',
];
const PARTIAL = 5;
const SUCCESS = 0;
const EMPTY = 4;

function itemNames(bits: number): string[] {
  return Object.entries(CONFIG_ITEM)
    .filter(([, bit]) => (bits & bit) !== 0)
    .map(([name]) => name);
}

export class ConfigAcquisition {
  /** The names every user of the server reads. */
  readonly names = new ConfigurationNames();
  /** The last AGENT_TEAM_CONFIG_EVENT state of each team in this session (cleared when the session ends). */
  readonly teams = new TeamConfigs();
  private readonly needs = new Set<symbol>();
  private readonly listeners = new Set<(info: ConfigurationInfo) => void>();
  /** Asked for in this open session already (reset when the session is no longer up). */
  private requestedThisOpen = false;
  private open = false;
  private info: ConfigurationInfo | undefined;
  private receivedBits = 0;
  /** Inside an update block (ConfigType 2). */
  private inUpdate = false;
  /** The PeripheralID the session's events carry, for a server node that names none. */
  private learnedPeripheralId: number | undefined;

  constructor(private readonly host: AcquisitionHost) {}

  /** A user needs the names: asked for now if the session is open (once per open). Returns the release. */
  need(): () => void {
    const token = Symbol('need');
    this.needs.add(token);
    this.maybeRequest();
    return () => void this.needs.delete(token);
  }

  /** What was requested and granted; undefined before any request. A copy. */
  view(): ConfigurationInfo | undefined {
    return this.info === undefined
      ? undefined
      : { ...this.info, requested: [...this.info.requested], received: [...this.info.received] };
  }

  /** Every change of the view (request sent, upload ended, an update block); returns the function that stops it. */
  onChange(listener: (info: ConfigurationInfo) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The session's state: the first 'open' after an outage asks again (a new session has to be told anew). */
  sessionState(state: string): void {
    const up = state === 'open' || state === 'peripheral-offline';
    if (!up) {
      this.requestedThisOpen = false;
      this.inUpdate = false;
      // A new session is told its teams anew after OPEN: none kept from this one may outlive a deleted team.
      this.teams.clear();
    }
    this.open = state === 'open';
    this.maybeRequest();
  }

  /** Every inbound message, before the users see it (so a user reacting to CONFIG_END_EVENT finds the names). */
  message(msg: CtiMessage): void {
    if (typeof msg.peripheralId === 'number' && msg.messageType !== 'CONFIG_REQUEST_EVENT')
      this.learnedPeripheralId = msg.peripheralId;
    switch (msg.messageType) {
      case 'CONFIG_BEGIN_EVENT':
        return this.begin(msg);
      case 'CONFIG_END_EVENT':
        return this.end(msg);
      case 'CONFIG_SKILL_GROUP_EVENT':
      case 'CONFIG_AGENT_EVENT':
        this.names.apply(msg);
        return;
      case 'AGENT_TEAM_CONFIG_EVENT':
        this.teams.apply(msg);
        return;
      default:
        return;
    }
  }

  private maybeRequest(): void {
    if (!this.open || this.requestedThisOpen || this.needs.size === 0) return;
    const peripheralId = this.host.peripheralId() ?? this.learnedPeripheralId ?? 0;
    const sent = this.host.notify({
      messageType: 'CONFIG_REQUEST_EVENT',
      configInformation: NAMES,
      configMsgMask: NAMES,
      peripheralId,
    });
    if (!sent) return;
    this.requestedThisOpen = true;
    this.receivedBits = 0;
    this.info = {
      state: 'requested',
      requested: itemNames(NAMES),
      received: [],
      skillGroups: this.names.skillGroupCount,
      agents: this.names.agentCount,
      updates: 0,
      peripheralId,
      requestedAt: Date.now(),
    };
    this.changed();
  }

  private begin(msg: CtiMessage): void {
    const info = this.info;
    if (msg.configType !== SOLICITED) {
      this.inUpdate = true;
      return;
    }
    if (info === undefined || (info.state !== 'requested' && info.state !== 'receiving')) return;
    if (info.state === 'requested') this.names.beginSnapshot();
    info.state = 'receiving';
    this.receivedBits |= typeof msg.configInformation === 'number' ? msg.configInformation : 0;
    info.received = itemNames(this.receivedBits);
  }

  private end(msg: CtiMessage): void {
    const info = this.info;
    if (info === undefined) return;
    const status = typeof msg.configEndStatus === 'number' ? msg.configEndStatus : SUCCESS;
    if (this.inUpdate) {
      this.inUpdate = false;
      info.updates++;
      this.counted(info);
      this.changed();
      return;
    }
    if (info.state !== 'requested' && info.state !== 'receiving') return;
    if (status === PARTIAL) return;
    if (status === SUCCESS || status === EMPTY) this.names.endSnapshot(this.receivedBits);
    else this.names.endSnapshot(0);
    info.state = status === SUCCESS || status === EMPTY ? 'complete' : 'failed';
    info.endStatus = END_STATUS[status] ?? String(status);
    if (typeof msg.text === 'string' && msg.text !== '') info.text = msg.text;
    info.completedAt = Date.now();
    this.counted(info);
    this.host.ended(this.view()!);
    this.changed();
  }

  private counted(info: ConfigurationInfo): void {
    info.skillGroups = this.names.skillGroupCount;
    info.agents = this.names.agentCount;
  }

  private changed(): void {
    const v = this.view();
    if (v === undefined) return;
    for (const l of [...this.listeners]) {
      try {
        l(v);
      } catch {
        // A listener that throws must not stop the others (nor the session's message handling).
      }
    }
  }
}
