/**
 * cti-server, part "configuration": what the node's editor properties, its credentials and the settings file
 * (`ciscoCti` in settings.js) make. The session's and the recorder's options (a ConfigError names every bad field
 * at once), and the names the other parts use to speak about the server: its label, endpoints, client ID, the
 * configured peripheral, version and services. Fixed for the node's life: an edit is a new node.
 */
import type { NodeAPI } from 'node-red';
import { DEFAULT_VERSION } from '../../../lib/protocol';
import type { CtiSessionOptions } from '../../../lib/session';
import { SERVER_DEFAULTS } from '../defaults';
import type { ReasonContext } from '../errors';
import type { Translate } from '../i18n';
import type { HaOptions } from './ha';
import {
  buildSessionOptions,
  ConfigError,
  requestedServiceNames,
  type CtiServerConfig,
  type ServerSetup,
} from '../server-config';

/** Settings file (settings.js) options: `ciscoCti: { session: {...CtiSession options}, relogIntervalMs }`. */
export interface CiscoCtiSettings {
  session?: Partial<CtiSessionOptions>;
  relogIntervalMs?: number;
  /** HA pair timings: announceMs, ownerTimeoutMs, keepaliveSeconds, reconnectMs (see ha.ts). */
  ha?: Pick<HaOptions, 'announceMs' | 'ownerTimeoutMs' | 'keepaliveSeconds' | 'reconnectMs'>;
}

interface TlsConfigNode {
  addTLSOptions?(opts: Record<string, unknown>): void;
}

/** A configuration refusal is logged again this often while it lasts. */
const RELOG_CONFIG_REFUSAL_MS = 10 * 60 * 1000;

export class ServerConfiguration {
  /** The server's name in the editor, else "hostA:portA": what msg.cti.server says. */
  readonly label: string;
  /** The version asked for (the session may step down with version auto). */
  readonly configuredVersion: number;
  /** How often a configuration refusal is logged again while it lasts. */
  readonly relogMs: number;
  /** What explanations of failures name: endpoints, client ID, whether a password and TLS are set. */
  readonly reasonContext: ReasonContext;
  private readonly settings: CiscoCtiSettings;

  constructor(
    private readonly RED: NodeAPI,
    private readonly config: CtiServerConfig,
    private readonly password: string | undefined,
    private readonly t: Translate,
    private readonly haCredentials: { haUsername?: string; haPassword?: string } = {},
  ) {
    this.settings = ((RED.settings as unknown as { ciscoCti?: CiscoCtiSettings }).ciscoCti ?? {}) as CiscoCtiSettings;
    this.label = config.name || `${config.hostA}:${config.portA || SERVER_DEFAULTS.portA}`;
    this.configuredVersion = Number(config.version) || DEFAULT_VERSION;
    this.relogMs = this.settings.relogIntervalMs ?? RELOG_CONFIG_REFUSAL_MS;
    const host = (side: 'A' | 'B'): string => String((side === 'B' ? config.hostB : config.hostA) ?? '').trim();
    this.reasonContext = {
      endpoint: (side) => {
        const port = String(
          (side === 'B' ? config.portB : config.portA) || SERVER_DEFAULTS[side === 'B' ? 'portB' : 'portA'],
        );
        const h = host(side);
        return `${h.includes(':') ? `[${h}]` : h}:${port}`; // IPv6 literal: keep host and port apart
      },
      host,
      clientId: (config.clientId ?? '').trim() || SERVER_DEFAULTS.clientId,
      passwordSet: (password ?? '') !== '',
      tls: Boolean(config.tls),
    };
  }

  /** The configured PeripheralID, if it is one. */
  peripheralId(): number | undefined {
    const raw = this.config.peripheralId;
    const p = Number(raw);
    return raw === '' || raw === undefined || !Number.isInteger(p) ? undefined : p;
  }

  /** The services asked for in OPEN_REQ, short names as in the editor. */
  requestedServices(): string[] {
    return requestedServiceNames(this.config);
  }

  /** The session's and the recorder's options now (the TLS node is looked up each time). Throws ConfigError. */
  setup(): ServerSetup {
    return buildSessionOptions(
      this.config,
      this.password,
      this.tlsOptions(),
      this.settings.session,
      (this.RED.settings as unknown as { userDir?: string }).userDir,
    );
  }

  /** The HA pair's options, or undefined without a group. Throws ConfigError (no broker, bad group, no TLS node). */
  haOptions(): HaOptions | undefined {
    const group = fromEnv(this.config.haGroup);
    if (group === '') return undefined;
    const url = fromEnv(this.config.haBroker);
    const problems: Array<{ field: string; text: string }> = [];
    if (!/^(mqtts?|wss?):\/\/[^\s]+$/.test(url)) {
      problems.push({ field: 'haBroker', text: this.t('cti-server.config.ha-broker', { url }) });
    }
    if (/[#+/]/.test(group)) problems.push({ field: 'haGroup', text: this.t('cti-server.config.ha-group', { group }) });
    if (problems.length > 0) throw new ConfigError(problems);
    return {
      url,
      group,
      instance: fromEnv(this.config.haInstance) || undefined,
      username: this.haCredentials.haUsername || undefined,
      password: this.haCredentials.haPassword || undefined,
      tls: this.tlsOptions(this.config.haTls),
      ...this.settings.ha,
    };
  }

  private tlsOptions(id = this.config.tls): Record<string, unknown> | undefined {
    if (!id) return undefined;
    const tlsNode = this.RED.nodes.getNode(id) as TlsConfigNode | null;
    if (!tlsNode || typeof tlsNode.addTLSOptions !== 'function') {
      throw new ConfigError([{ field: 'tls', text: this.t('cti-server.config.tls-not-found', { id }) }]);
    }
    const opts: Record<string, unknown> = {};
    tlsNode.addTLSOptions(opts);
    return opts;
  }
}

/**
 * A field set to `${NAME}` gets the environment variable's value from Node-RED when the flow starts; with NAME
 * unset Node-RED leaves the text as it is. Such a field counts as empty, so one flow (examples/mqtt) runs as a
 * pair member where the variables are set and alone where they are not.
 */
function fromEnv(value: string | undefined): string {
  const v = (value ?? '').trim();
  return /^\$\{\S+\}$/.test(v) ? '' : v;
}
