/**
 * Saved node configurations carry `configVersion`; a configuration saved by an older release is upgraded step by
 * step when its flow loads (each node's constructor) and when its edit dialog opens (the editor runs this same
 * compiled module, see nodes/build.js). Modelled on node-red-contrib-home-assistant-websocket's migrations.
 * Rules: a step never changes what an old flow did (a flow saved with protocol version 24 keeps 24 — only new
 * nodes get 'auto'); it only adds the properties later releases introduced, with the value that keeps the old
 * behaviour. No imports besides the defaults: the same code runs in the browser.
 */
import { SERVER_DEFAULTS } from './defaults';

export type NodeType = 'cti-server' | 'cti-event' | 'cti-set-call-data' | 'cti-request' | 'cti-status' | 'cti-state';

type Config = Record<string, unknown>;

interface Migration {
  /** The configVersion this step produces. */
  to: number;
  up(config: Config): Config;
}

/**
 * cti-state's further CTI servers (one per PG) beside `server`: one property each, so that Node-RED — editor and
 * runtime — sees each as a config node reference (the node counts as a user of it, is exported with it, and is
 * restarted when it changes), which an array of IDs is not. 12 PGs in one node at most.
 */
export const STATE_SERVER_SLOTS: readonly string[] = Array.from({ length: 11 }, (_, i) => `server${i + 2}`);

/** 0.1.0 saved no configVersion and defaulted the protocol version to 24. */
const VERSION_BEFORE_AUTO = 24;

const MIGRATIONS: Record<NodeType, readonly Migration[]> = {
  'cti-server': [
    {
      // 0.1.0 → configVersion 1: the version becomes a number (an empty one meant 24 then, and still does);
      // "receive only selected variables" and "record to file" arrive switched off.
      to: 1,
      up: (c) => {
        const v = c.version;
        const version = v === undefined || v === null || v === '' ? VERSION_BEFORE_AUTO : v === 'auto' ? v : Number(v);
        return {
          registerVariables: SERVER_DEFAULTS.registerVariables,
          registerCallVariables: [...SERVER_DEFAULTS.registerCallVariables],
          registerEcc: SERVER_DEFAULTS.registerEcc,
          registerEccArrays: SERVER_DEFAULTS.registerEccArrays,
          record: SERVER_DEFAULTS.record,
          recordPath: SERVER_DEFAULTS.recordPath,
          recordMaxMb: SERVER_DEFAULTS.recordMaxMb,
          recordMaxFiles: SERVER_DEFAULTS.recordMaxFiles,
          recordMask: SERVER_DEFAULTS.recordMask,
          ...c,
          version: Number.isNaN(version) ? v : version,
        };
      },
    },
    {
      // configVersion 2: the Peripheral Monitor service is no longer offered — ticking it requested a service
      // whose monitors this package never set up, so it did nothing. A saved selection loses it; nothing else
      // changes (a configuration without it is left exactly as it was).
      to: 2,
      up: (c) => {
        const s = c.services;
        const dropped = (v: unknown): boolean => String(v).trim() === 'PERIPHERAL_MONITOR';
        if (Array.isArray(s) && s.some(dropped)) return { ...c, services: s.filter((v) => !dropped(v)) };
        if (typeof s === 'string' && s.split(',').some(dropped))
          return {
            ...c,
            services: s
              .split(',')
              .filter((v) => !dropped(v))
              .join(','),
          };
        return { ...c };
      },
    },
  ],
  // The flow nodes' first versioned format is 0.1.0's: the step only stamps it.
  'cti-event': [{ to: 1, up: (c) => ({ ...c }) }],
  'cti-set-call-data': [{ to: 1, up: (c) => ({ ...c }) }],
  'cti-request': [{ to: 1, up: (c) => ({ ...c }) }],
  'cti-status': [{ to: 1, up: (c) => ({ ...c }) }],
  'cti-state': [
    { to: 1, up: (c) => ({ ...c }) },
    {
      // configVersion 2: a node may list several cti-server nodes, one per peripheral (PG). The one it had becomes
      // the list's only entry; `server` stays (the first of the list), so nothing changes for the old flow.
      to: 2,
      up: (c) => ({
        ...c,
        servers: Array.isArray(c.servers)
          ? c.servers
          : typeof c.server === 'string' && c.server !== ''
            ? [c.server]
            : [],
      }),
    },
    {
      // configVersion 3: the list's further servers move to server2 … server12 (STATE_SERVER_SLOTS), in order, into
      // the slots still empty; `servers` keeps only what does not fit (nothing, below 12 PGs). The same servers in
      // the same order: nothing changes for the flow.
      to: 3,
      up: (c) => {
        const first = typeof c.server === 'string' ? c.server.trim() : '';
        const listed = Array.isArray(c.servers)
          ? c.servers.map(String)
          : typeof c.servers === 'string'
            ? c.servers.split(',')
            : [];
        const out: Config = { ...c };
        const taken = new Set([first]);
        for (const slot of STATE_SERVER_SLOTS) {
          const v = typeof c[slot] === 'string' ? c[slot].trim() : '';
          out[slot] = v;
          if (v !== '') taken.add(v);
        }
        const rest: string[] = [];
        for (const raw of listed) {
          const id = raw.trim();
          if (id === '' || taken.has(id)) continue;
          taken.add(id);
          const free = STATE_SERVER_SLOTS.find((slot) => out[slot] === '');
          if (free !== undefined) out[free] = id;
          else rest.push(id);
        }
        out.servers = rest;
        return out;
      },
    },
  ],
};

/** The configVersion a node of each type is saved with by this release. */
export const CONFIG_VERSIONS: Record<NodeType, number> = Object.fromEntries(
  Object.entries(MIGRATIONS).map(([type, steps]) => [type, steps[steps.length - 1].to]),
) as Record<NodeType, number>;

function savedVersion(config: Config): number {
  const n = Number(config.configVersion);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** The configuration upgraded to this release's format, as a new plain object (the input is left as it is). */
export function migratedCopy(type: NodeType, config: object): Config {
  let out: Config = { ...(config as Config) };
  const from = savedVersion(out);
  for (const step of MIGRATIONS[type] ?? []) {
    if (step.to > from) out = { ...step.up(out), configVersion: step.to };
  }
  if (out.configVersion === undefined) out.configVersion = from;
  return out;
}

/**
 * Upgrades a configuration in place and returns it: the runtime's node definition carries non-enumerable
 * properties (_flow, _module) that a copy would lose. A configuration from a newer release is left unchanged:
 * it is the newer code's to read.
 */
export function migrateConfig<T extends object>(type: NodeType, config: T): T & { configVersion: number } {
  const target = config as Config;
  const migrated = migratedCopy(type, config);
  for (const key of Object.keys(target)) if (!(key in migrated)) delete target[key];
  Object.assign(target, migrated);
  return target as T & { configVersion: number };
}
