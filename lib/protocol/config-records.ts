/**
 * Configuration data events (CONFIG_SERVICE_EVENT, CONFIG_SKILL_GROUP_EVENT, CONFIG_AGENT_EVENT …) decode with one
 * array per record field (messages/config.ts explains why). These helpers turn a decoded event into one object per
 * record and back, so code above the codec works with records.
 */
import type { CtiMessage } from './types';

/** Per-record lists of each data event: the record's count field and the repeated fields it counts. */
const LISTS: Record<string, { count: string; fields: string[] }[]> = {
  CONFIG_AGENT_EVENT: [
    { count: 'numSkills', fields: ['fltSkillGroupNumber', 'fltSkillGroupPriority'] },
    { count: 'numMrds', fields: ['fltAgentMrdIds', 'fltAgentMrdStates'] },
  ],
  CONFIG_SERVICE_EVENT: [{ count: 'numServiceMembers', fields: ['serviceMember', 'servicePriority'] }],
  CONFIG_TERMINAL_EVENT: [{ count: 'numInstruments', fields: ['instrument'] }],
  CONFIG_AGENT_SERVICE_EVENT: [{ count: 'numOfEnabledServices', fields: ['fltEnabledServices'] }],
};
const listFields = (messageType: string): Set<string> => new Set((LISTS[messageType] ?? []).flatMap((l) => l.fields));

/** ConfigInformation / ConfigMsgMask bits (§22.0; the guide has no names for them). */
export const CONFIG_ITEM = {
  SERVICE: 0x001,
  SKILL_GROUP: 0x002,
  AGENT: 0x004,
  DEVICE: 0x008,
  CALL_TYPE: 0x010,
  MEDIA_ROUTING_DOMAIN: 0x020,
  PERIPHERAL: 0x040,
  AGENT_DESK_SETTINGS: 0x080,
  TERMINAL: 0x100,
  AGENT_SERVICES: 0x200,
} as const;

/** RecordType values. */
export const CONFIG_RECORD = { ADD: 0, CHANGE: 1, DELETE: 2 } as const;

/** One record of a configuration data event: the record's fields as single values, its lists as arrays. */
export type ConfigRecord = Record<string, unknown> & { recordType: number };

/**
 * The records of a decoded configuration data event. A record field's i-th entry belongs to record i; a list
 * (an agent's skill groups …) is cut into records by the record's count field (NumSkills …), in order.
 */
export function configRecords(msg: CtiMessage): ConfigRecord[] {
  const types = Array.isArray(msg.recordType) ? (msg.recordType as number[]) : [];
  const out: ConfigRecord[] = types.map((recordType) => ({ recordType }));
  const LIST_FIELDS = listFields(msg.messageType);
  for (const [key, value] of Object.entries(msg)) {
    if (key === 'messageType' || key === 'numRecords' || key === 'recordType' || LIST_FIELDS.has(key)) continue;
    if (!Array.isArray(value)) continue;
    value.forEach((v, i) => {
      if (i < out.length) out[i][key] = v;
    });
  }
  for (const l of LISTS[msg.messageType] ?? []) {
    for (const field of l.fields) {
      const all = Array.isArray(msg[field]) ? (msg[field] as unknown[]) : [];
      let at = 0;
      for (const r of out) {
        // A record without the count and without the list has neither.
        if (all.length === 0 && typeof r[l.count] !== 'number') continue;
        const n = typeof r[l.count] === 'number' ? (r[l.count] as number) : out.length === 1 ? all.length : 0;
        r[field] = all.slice(at, at + n);
        at += n;
      }
    }
  }
  return out;
}

/** The decoded shape of a configuration data event from records (what the encoder takes). */
export function fromConfigRecords(messageType: string, records: readonly Record<string, unknown>[]): CtiMessage {
  const msg: CtiMessage = { messageType };
  const LIST_FIELDS = listFields(messageType);
  records.forEach((r, i) => {
    for (const [key, value] of Object.entries(r)) {
      if (LIST_FIELDS.has(key)) {
        const list = (msg[key] ??= []) as unknown[];
        list.push(...(value as unknown[]));
        continue;
      }
      const arr = (msg[key] ??= new Array(records.length).fill(null)) as unknown[];
      arr[i] = value;
    }
  });
  return msg;
}
