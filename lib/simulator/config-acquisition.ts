import { CONFIG_ITEM, CONFIG_RECORD, type CtiMessage, fromConfigRecords } from '../protocol';
import { SERVICE_NUMBER } from './events';
import type { SimAgent, SimModel } from './model';
import type { SimConfigChange, SimSkillGroup } from './organization';
import type { RequestHost, RequestSession } from './request-context';

/**
 * Configuration acquisition (cti-protocol-supervisor-config.md §22.12) on the simulator:
 * CONFIG_REQUEST_KEY_EVENT → CONFIG_KEY_EVENT; CONFIG_REQUEST_EVENT → per requested item one block
 * CONFIG_BEGIN_EVENT (ConfigType 1) → records → CONFIG_END_EVENT (CONFIGEND_PARTIAL, the last CONFIGEND_SUCCESS);
 * after it, every change of the organisation (model 'config' event) as an update block (ConfigType 2) to the
 * sessions whose OPEN_REQ ConfigMsgMask asks for that item. No InvokeID anywhere (§22.0).
 * Items served: service (one per skill group, Unsure: the simulator has no separate services), skill group, agent,
 * device (agent extensions), call type, and from v22 peripheral and agent desk settings. Media routing domains,
 * terminals and agent services are not configured: not sent.
 */

const CONFIG_SUCCESS = 0;
const CONFIGEND_SUCCESS = 0;
const CONFIGEND_EMPTY = 4;
const CONFIGEND_PARTIAL = 5;
const CONFIG_SOLICITED = 1;
const CONFIG_UNSOLICITED = 2;
/** At most 10 records per data event (§22.0). */
const MAX_RECORDS = 10;
/** DeviceType values (§22.9). */
const DEVICE_AGENT_EXTENSION = 4;
/** CONFIG_AGENT / CONFIG_SUPERVISOR. Unsure (§22.8): numbers not printed; 0 / 1 as a public UCCE driver. */
export const CONFIG_AGENT_TYPE = { AGENT: 0, SUPERVISOR: 1 } as const;
/** The one agent desk settings record (v22+). */
const DESK_SETTINGS_ID = 1;

/** The simulator's call types (CallTypeID as AGENT_PRE_CALL_EVENT carries none: names for the configuration). */
const CALL_TYPES = [{ id: 1, name: 'Inbound', description: 'Calls to the DNIS of the scenarios' }];

type Rec = Record<string, unknown>;

/** The configuration items in snapshot order (§22.0) with the message that carries them and their records. */
interface Item {
  bit: number;
  message: string;
  since: number;
  /** Records of a whole snapshot. */
  records(m: SimModel): Rec[];
  /** One message per record (records with a per-record list: the list is cut by its count, see config.ts). */
  single?: boolean;
}

function serviceRecord(m: SimModel, g: SimSkillGroup, recordType: number): Rec {
  return {
    recordType,
    fltPeripheralId: m.peripheralId,
    peripheralNumber: SERVICE_NUMBER + g.skillGroupNumber,
    maxQueued: 0xffffffff,
    extension: '',
    serviceSkillTargetId: 6000 + g.skillGroupNumber,
    peripheralName: `${g.name} line`,
    description: `Service for skill group ${g.name}`,
    serviceLevelThreshold: 20,
    serviceLevelType: 1,
    configParam: '',
    fltMrDomainId: 1,
    numServiceMembers: 1,
    serviceMember: [g.skillGroupNumber],
    servicePriority: [1],
  };
}

function skillGroupRecord(m: SimModel, g: SimSkillGroup, recordType: number): Rec {
  return {
    recordType,
    fltPeripheralId: m.peripheralId,
    peripheralNumber: g.skillGroupNumber,
    fltSkillGroupPriority: 0,
    skillGroupSkillTargetId: g.skillGroupId,
    // TRUE: agents go to work mode after a call from this group (a wrap-up time is configured for it).
    autoWork: (g.wrapupMs ?? m.wrapupMs) > 0 ? 1 : 0,
    extension: '',
    peripheralName: g.name,
    description: '',
    fltMrDomainId: 1,
    fltPrecisionQueueId: 0,
    fltPrecisionQueueName: 'NULL',
    configParam: '',
  };
}

function isSupervisor(m: SimModel, a: SimAgent): boolean {
  for (const t of m.teams.values()) if (t.supervisors.includes(a.agentId)) return true;
  return false;
}

function agentRecord(m: SimModel, a: SimAgent, recordType: number): Rec {
  return {
    recordType,
    fltPeripheralId: m.peripheralId,
    agentType: isSupervisor(m, a) ? CONFIG_AGENT_TYPE.SUPERVISOR : CONFIG_AGENT_TYPE.AGENT,
    agentDeskSettingsId: DESK_SETTINGS_ID,
    loginId: a.agentId,
    loginName: `${a.firstName}.${a.lastName}`.toLowerCase().replace(/[^a-z0-9.]/g, ''),
    lastName: a.lastName,
    firstName: a.firstName,
    extension: a.extension,
    description: '',
    agentSkillTargetId: a.skillTargetId,
    numSkills: a.skillGroupNumbers.length,
    ssoEnabled: 0,
    numMrds: 0,
    fltSkillGroupNumber: [...a.skillGroupNumbers],
    fltSkillGroupPriority: a.skillGroupNumbers.map(() => 0),
  };
}

function deviceRecord(m: SimModel, a: SimAgent, recordType: number): Rec {
  return {
    recordType,
    fltPeripheralId: m.peripheralId,
    peripheralNumber: Number(a.extension) >>> 0,
    deviceType: DEVICE_AGENT_EXTENSION,
    maxQueued: 0,
    fltServiceId: 0,
    dialedNumber: '',
    dnis: '',
    extension: a.extension,
    description: `Phone of ${a.firstName} ${a.lastName}`,
  };
}

/**
 * The one agent desk settings record, every field present: records are a repeating group and a strict decoder
 * (a recording's, a replay's) rejects a record that leaves a member out in the middle. Values: nothing enabled
 * (mask 0, modes 0), no timers but FltWorkModeTimer, the simulator's wrap-up time in seconds.
 */
function deskSettingsRecord(m: SimModel): Rec {
  return {
    recordType: CONFIG_RECORD.ADD,
    agentDeskSettingsId: DESK_SETTINGS_ID,
    fltDeskSettingsMask: 0,
    fltWrapUpDataIncomingMode: 0,
    fltWrapUpDataOutgoingMode: 0,
    fltLogoutNonActivityTime: 0,
    fltQualityRecordingRate: 0,
    fltRingNoAnswerTime: 0,
    fltSilentMonitorWarningMessage: 0,
    fltSilentMonitorAudibleIndication: 0,
    fltSupervisorAssistCallMethod: 0,
    fltEmergencyCallMethod: 0,
    fltAutoRecordOnEmergency: 0,
    fltRecordingMode: 0,
    fltWorkModeTimer: Math.round(m.wrapupMs / 1000),
    fltRingNoAnswerDnId: 0,
    fltDefaultDevicePortAddress: '',
    playZipTone: 0,
    acdSharedLineUsage: 0,
  };
}

const ITEMS: Item[] = [
  {
    bit: CONFIG_ITEM.SERVICE,
    message: 'CONFIG_SERVICE_EVENT',
    since: 15,
    single: true,
    records: (m) => [...m.skillGroups.values()].map((g) => serviceRecord(m, g, CONFIG_RECORD.ADD)),
  },
  {
    bit: CONFIG_ITEM.SKILL_GROUP,
    message: 'CONFIG_SKILL_GROUP_EVENT',
    since: 15,
    records: (m) => [...m.skillGroups.values()].map((g) => skillGroupRecord(m, g, CONFIG_RECORD.ADD)),
  },
  {
    bit: CONFIG_ITEM.AGENT,
    message: 'CONFIG_AGENT_EVENT',
    since: 15,
    single: true,
    records: (m) => [...m.agents.values()].map((a) => agentRecord(m, a, CONFIG_RECORD.ADD)),
  },
  {
    bit: CONFIG_ITEM.DEVICE,
    message: 'CONFIG_DEVICE_EVENT',
    since: 15,
    records: (m) => [...m.agents.values()].map((a) => deviceRecord(m, a, CONFIG_RECORD.ADD)),
  },
  {
    bit: CONFIG_ITEM.CALL_TYPE,
    message: 'CONFIG_CALL_TYPE_EVENT',
    since: 15,
    records: () =>
      CALL_TYPES.map((t) => ({
        recordType: CONFIG_RECORD.ADD,
        fltCallTypeId: t.id,
        customerDefinitionId: 0,
        enterpriseName: t.name,
        description: t.description,
        serviceLevelThreshold: 20,
        serviceLevelType: 1,
      })),
  },
  {
    bit: CONFIG_ITEM.PERIPHERAL,
    message: 'CONFIG_PERIPHERAL_EVENT',
    since: 22,
    records: (m) => [
      {
        recordType: CONFIG_RECORD.ADD,
        configPeripheralId: m.peripheralId,
        defaultAgentDeskSettingsId: DESK_SETTINGS_ID,
      },
    ],
  },
  {
    bit: CONFIG_ITEM.AGENT_DESK_SETTINGS,
    message: 'CONFIG_AGENT_DESK_SETTINGS_EVENT',
    since: 22,
    records: (m) => [deskSettingsRecord(m)],
  },
];

/** The bit of the item a change is about (an agent change is also a device change: its phone). */
function itemsOf(change: SimConfigChange): number[] {
  if (change.kind === 'agent') return [CONFIG_ITEM.AGENT, CONFIG_ITEM.DEVICE];
  if (change.kind === 'skillGroup') return [CONFIG_ITEM.SKILL_GROUP, CONFIG_ITEM.SERVICE];
  return [];
}

/** One session's acquisition: updates flow after its CONFIG_REQUEST_EVENT. */
interface Subscriber {
  session: RequestSession;
}

/** The configuration of one model: keys per item, sessions receiving updates. */
export class SimConfiguration {
  /** Per item bit: a number that changes with the item (the 8-byte key; 0 would mean "upload"). */
  private readonly versions = new Map<number, number>();
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly model: SimModel) {
    model.on('config', (change) => this.changed(change));
  }

  private keyOf(bit: number): Buffer {
    const b = Buffer.alloc(8);
    b.writeUInt32BE(this.versions.get(bit) ?? 1, 4);
    return b;
  }

  private keys(version: number): Record<string, Buffer> {
    const out: Record<string, Buffer> = {
      serviceConfigKey: this.keyOf(CONFIG_ITEM.SERVICE),
      skillGroupConfigKey: this.keyOf(CONFIG_ITEM.SKILL_GROUP),
      agentConfigKey: this.keyOf(CONFIG_ITEM.AGENT),
      deviceConfigKey: this.keyOf(CONFIG_ITEM.DEVICE),
      callTypeConfigKey: this.keyOf(CONFIG_ITEM.CALL_TYPE),
    };
    if (version >= 22) {
      out.peripheralConfigKey = this.keyOf(CONFIG_ITEM.PERIPHERAL);
      out.agentDeskSettingsConfigKey = this.keyOf(CONFIG_ITEM.AGENT_DESK_SETTINGS);
    }
    return out;
  }

  /** CONFIG_REQUEST_KEY_EVENT: the current keys. */
  requestKeys(session: RequestSession): void {
    session.send({ messageType: 'CONFIG_KEY_EVENT', configKeyStatus: CONFIG_SUCCESS, ...this.keys(session.version) });
  }

  /** Sends one item's records as data events (records with lists one per message, others up to 10). */
  private sendRecords(session: RequestSession, item: Item, records: Rec[]): void {
    const per = item.single === true ? 1 : MAX_RECORDS;
    for (let i = 0; i < records.length; i += per)
      session.send(fromConfigRecords(item.message, records.slice(i, i + per)));
  }

  /** CONFIG_REQUEST_EVENT: the snapshot of the items asked for, then updates. */
  request(session: RequestSession, information: number): void {
    const items = ITEMS.filter((it) => (information & it.bit) !== 0 && session.version >= it.since)
      .map((it) => ({ it, records: it.records(this.model) }))
      .filter((x) => x.records.length > 0);
    if (information !== 0) {
      if (items.length === 0) session.send({ messageType: 'CONFIG_END_EVENT', configEndStatus: CONFIGEND_EMPTY });
      items.forEach(({ it, records }, i) => {
        session.send({
          messageType: 'CONFIG_BEGIN_EVENT',
          configType: CONFIG_SOLICITED,
          configInformation: it.bit,
          ...this.keys(session.version),
        });
        this.sendRecords(session, it, records);
        const last = i === items.length - 1;
        session.send({
          messageType: 'CONFIG_END_EVENT',
          configEndStatus: last ? CONFIGEND_SUCCESS : CONFIGEND_PARTIAL,
        });
      });
    }
    for (const s of this.subscribers) if (s.session === session) return;
    this.subscribers.add({ session });
  }

  /** A change of the organisation: new keys, and an update block to every subscriber that asked for the item. */
  private changed(change: SimConfigChange): void {
    const bits = itemsOf(change);
    for (const bit of bits) this.versions.set(bit, (this.versions.get(bit) ?? 1) + 1);
    for (const sub of [...this.subscribers]) {
      if (sub.session.state === 'closed') {
        this.subscribers.delete(sub);
        continue;
      }
      for (const bit of bits) {
        if ((sub.session.configMsgMask & bit) === 0) continue;
        const item = ITEMS.find((it) => it.bit === bit);
        const records = this.recordsOf(change, bit);
        if (item === undefined || records.length === 0 || sub.session.version < item.since) continue;
        sub.session.send({
          messageType: 'CONFIG_BEGIN_EVENT',
          configType: CONFIG_UNSOLICITED,
          configInformation: bit,
          ...this.keys(sub.session.version),
        });
        this.sendRecords(sub.session, item, records);
        sub.session.send({ messageType: 'CONFIG_END_EVENT', configEndStatus: CONFIGEND_SUCCESS });
      }
    }
  }

  private recordsOf(change: SimConfigChange, bit: number): Rec[] {
    const m = this.model;
    const recordType =
      change.action === 'added'
        ? CONFIG_RECORD.ADD
        : change.action === 'changed'
          ? CONFIG_RECORD.CHANGE
          : CONFIG_RECORD.DELETE;
    if (change.kind === 'agent') {
      const a = m.agents.get(String(change.id));
      if (a === undefined) return [];
      return [bit === CONFIG_ITEM.AGENT ? agentRecord(m, a, recordType) : deviceRecord(m, a, recordType)];
    }
    if (change.kind === 'skillGroup') {
      const g = m.skillGroups.get(Number(change.id));
      if (g === undefined) return [];
      return [bit === CONFIG_ITEM.SKILL_GROUP ? skillGroupRecord(m, g, recordType) : serviceRecord(m, g, recordType)];
    }
    return [];
  }
}

const attached = new WeakMap<SimModel, SimConfiguration>();

/** The configuration service of a model (one per model: both sides of a pair share it). */
export function configurationOf(model: SimModel): SimConfiguration {
  let c = attached.get(model);
  if (c === undefined) {
    c = new SimConfiguration(model);
    attached.set(model, c);
  }
  return c;
}

/**
 * The configuration messages a client sends (they end in _EVENT, so requests.ts hands them here first).
 * Returns false for any other message.
 */
export function handleConfigMessage(session: RequestSession, msg: CtiMessage, host: RequestHost): boolean {
  const config = configurationOf(host.model);
  const peripheral = msg.peripheralId as number | undefined;
  // PeripheralID 0 / NULL: the simulated peripheral (the guide's examples give 0).
  const otherPeripheral =
    peripheral !== undefined && peripheral !== 0 && peripheral !== 0xffffffff && peripheral !== host.model.peripheralId;
  switch (msg.messageType) {
    case 'CONFIG_REQUEST_KEY_EVENT':
      if (otherPeripheral) session.send({ messageType: 'CONFIG_KEY_EVENT', configKeyStatus: 3 /* unknown customer */ });
      else config.requestKeys(session);
      return true;
    case 'CONFIG_REQUEST_EVENT':
      if (otherPeripheral) {
        session.send({
          messageType: 'CONFIG_END_EVENT',
          configEndStatus: CONFIGEND_EMPTY,
          text: `no peripheral ${peripheral}`,
        });
        return true;
      }
      host.log(
        `session ${session.id}: configuration requested (ConfigInformation 0x${(msg.configInformation as number).toString(16)})`,
      );
      config.request(session, msg.configInformation as number);
      return true;
    default:
      return false;
  }
}
