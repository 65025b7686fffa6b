/**
 * cti-server, part "high availability": an active/standby pair of session owners that meet on an MQTT broker
 * (README "Scaling out"). The CTI Server fences the pair (one session per ClientID: a second OPEN_REQ evicts the
 * first with E_CTI_NEW_SESSION_OPENED); the broker says who holds it. No consensus of our own:
 *
 * - Every member keeps a watch connection (no will) subscribed to the retained `cti/ha/<group>/owner`.
 * - The owner holds a second connection whose last will clears that retained topic (empty payload), announces
 *   itself there (retained, QoS 1) and again every announceMs while it lives.
 * - A standby claims when the announcement is gone (cleared by the will or by a clean stop) or older than
 *   ownerTimeoutMs. Claims are ordered by the broker: the last one on the topic wins, an earlier claimer that sees
 *   another's claim steps down (closes its CTI session). So a partition ends with one owner.
 * - An owner evicted by the CTI Server goes back to standby when the broker names another owner (the one that
 *   evicted it); it never claims back because of the eviction, so there is no eviction loop.
 * - The owner also publishes what it tracks — agents and call addresses, not their state — on the retained
 *   `cti/ha/<group>/known` (at most every knownMs, when it changed). The member that takes over asks the CTI
 *   Server about exactly those (rebuild.ts): its own process knows nothing, and the server replays nothing.
 *
 * Why the package's own MQTT client (the `mqtt` package) and not core's mqtt-broker config node: the owner needs a
 * connection with a last will on a topic of its own, set when it becomes the owner and gone when it steps down.
 * Core's broker node has one will per broker node, fixed in its editor and shared by every node using it, and its
 * JavaScript API (register/subscribe/publish) is internal to core, not a documented interface across 3.1–5.
 */
import * as os from 'node:os';
import type { IClientOptions, MqttClient } from 'mqtt';

/** The MQTT client package, loaded when a server first joins a pair (servers without HA never load it). */
function mqttConnect(url: string, options: IClientOptions): MqttClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  const mqtt = require('mqtt') as typeof import('mqtt');
  return mqtt.connect(url, options);
}

export type HaRole = 'joining' | 'standby' | 'active';

export interface HaOptions {
  /** mqtt://host:1883, mqtts://host:8883, ws://…: the broker both members use. */
  url: string;
  group: string;
  /** This member's name in the announcement and in the other member's status. Default: host name + pid. */
  instance?: string;
  username?: string;
  password?: string;
  /** TLS options (ca, cert, key, …) from a tls-config node. */
  tls?: Record<string, unknown>;
  /** The owner announces itself this often. Default 5000. */
  announceMs?: number;
  /** A standby claims when the last announcement is older than this. Default 3 × announceMs. */
  ownerTimeoutMs?: number;
  /** MQTT keepalive (seconds): the broker fires the owner's will this long (× 1.5) after it went silent. Default 10. */
  keepaliveSeconds?: number;
  /** Reconnect pause of the MQTT client. Default 1000 ms. */
  reconnectMs?: number;
  /** The owner publishes what it tracks at most this often (when it changed). Default 1000 ms. */
  knownMs?: number;
}

/** An agent the owner tracks: whom a new owner asks QUERY_AGENT_STATE and SNAPSHOT_DEVICE for. */
export interface KnownAgent {
  agentId?: string;
  agentExtension?: string;
  agentInstrument?: string;
  peripheralId?: number;
}

/** A call the owner tracks, by the connection a request names it with (SNAPSHOT_CALL). */
export interface KnownCall {
  connectionCallId: number;
  connectionDeviceIdType: number;
  connectionDeviceId: string;
  peripheralId?: number;
}

/** What the owner published on cti/ha/<group>/known. */
export interface KnownState {
  instance: string;
  at: number;
  agents: KnownAgent[];
  calls: KnownCall[];
}

export interface HaView {
  role: HaRole;
  group: string;
  instance: string;
  /** The owner the broker names now, if any. */
  owner?: string;
  /** This member became the owner after another one: what that one saw last is lost. */
  tookOverFrom?: string;
}

interface Announcement {
  instance: string;
  since: number;
  at: number;
}

export interface HaHooks {
  /** The role changed (or the owner the broker names). */
  changed(view: HaView): void;
  warn(text: string): void;
  /** What this member tracks while it owns the session (published for the next owner). */
  known?(): Pick<KnownState, 'agents' | 'calls'> | undefined;
}

export class HaMember {
  readonly instance: string;
  private readonly topic: string;
  private readonly announceMs: number;
  private readonly ownerTimeoutMs: number;
  private watch: MqttClient | undefined;
  private ownerLink: MqttClient | undefined;
  private role: HaRole = 'joining';
  private owner: Announcement | undefined;
  private lastOwnerAt = 0;
  private announceTimer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private since = 0;
  private tookOverFrom: string | undefined;
  /** The last owner the broker named (other than "none"): whom a claim takes over from. */
  private lastOwnerName: string | undefined;
  private stopped = false;
  private readonly probeTopic: string;
  private readonly knownTopic: string;
  private knownTimer: NodeJS.Timeout | undefined;
  private lastKnownSent = '';
  /** The last list another member published (kept when its will clears the announcement). */
  private othersKnown: KnownState | undefined;

  constructor(
    private readonly opts: HaOptions,
    private readonly hooks: HaHooks,
  ) {
    if (!/^[^#+/]+$/.test(opts.group)) throw new RangeError(`HA group "${opts.group}" must not contain / # +`);
    this.instance = opts.instance?.trim() || `${os.hostname()}-${process.pid}`;
    this.topic = `cti/ha/${opts.group}/owner`;
    this.probeTopic = `cti/ha/${opts.group}/probe/${this.instance}`;
    this.knownTopic = `cti/ha/${opts.group}/known`;
    this.announceMs = opts.announceMs ?? 5000;
    this.ownerTimeoutMs = opts.ownerTimeoutMs ?? 3 * this.announceMs;
  }

  get view(): HaView {
    return {
      role: this.role,
      group: this.opts.group,
      instance: this.instance,
      ...(this.owner !== undefined ? { owner: this.owner.instance } : {}),
      ...(this.tookOverFrom !== undefined ? { tookOverFrom: this.tookOverFrom } : {}),
    };
  }

  get isActive(): boolean {
    return this.role === 'active';
  }

  /**
   * What the member we took the session over from tracked, as it last published it; once (a later open of the
   * same session is a reconnect, not a takeover). Undefined when none was published.
   */
  takeKnown(): KnownState | undefined {
    const k = this.othersKnown;
    this.othersKnown = undefined;
    return k !== undefined && k.instance !== this.instance ? k : undefined;
  }

  /** Joins the pair: connects, learns who owns the session, then claims or stands by. */
  start(): void {
    const watch = mqttConnect(this.opts.url, this.clientOptions('watch'));
    this.watch = watch;
    watch.on('error', (err) => this.hooks.warn(`HA broker ${this.opts.url}: ${err.message}`));
    watch.on('message', (topic, payload) => this.onMessage(topic, payload));
    watch.on('connect', () => {
      // (Re)subscribe, then a probe of our own: it comes back after the retained announcement (one session,
      // delivered in order), so when it is back we know whether there is an owner.
      watch.subscribe([this.topic, this.knownTopic, this.probeTopic], { qos: 1 }, (err) => {
        if (err) return this.hooks.warn(`HA subscribe failed: ${err.message}`);
        watch.publish(this.probeTopic, String(Date.now()), { qos: 1 });
      });
    });
    this.armWatchdog();
  }

  /** The CTI Server ended our session for another one with our ClientID. */
  evicted(): void {
    if (this.role !== 'active') return;
    // The one that evicted us has announced itself (it claims before it opens); if that has not reached us yet,
    // the watchdog or its announcement decides later. Never claim back because of an eviction.
    this.stepDown(false);
  }

  /** Leaves the pair. An owner clears its announcement so the standby takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.announceTimer);
    clearInterval(this.knownTimer);
    clearTimeout(this.watchdog);
    const link = this.ownerLink;
    this.ownerLink = undefined;
    if (link !== undefined) {
      if (this.role === 'active' && link.connected) {
        await link.publishAsync(this.topic, '', { qos: 1, retain: true }).catch(() => undefined);
      }
      await link.endAsync().catch(() => undefined);
    }
    const w = this.watch;
    this.watch = undefined;
    await w?.endAsync().catch(() => undefined);
  }

  private clientOptions(kind: 'watch' | 'owner'): IClientOptions {
    const o = this.opts;
    return {
      clientId: `cti-ha-${o.group}-${this.instance}-${kind}`.slice(0, 64),
      keepalive: o.keepaliveSeconds ?? 10,
      reconnectPeriod: o.reconnectMs ?? 1000,
      connectTimeout: 10000,
      clean: true,
      ...(o.username ? { username: o.username } : {}),
      ...(o.password ? { password: o.password } : {}),
      ...(o.tls ?? {}),
      ...(kind === 'owner' ? { will: { topic: this.topic, payload: Buffer.alloc(0), qos: 1, retain: true } } : {}),
    };
  }

  private onMessage(topic: string, payload: Buffer): void {
    if (this.stopped) return;
    if (topic === this.probeTopic) {
      if (this.role === 'joining') this.decide();
      return;
    }
    if (topic === this.knownTopic) {
      const k = parseKnown(payload);
      if (k !== undefined && k.instance !== this.instance) this.othersKnown = k;
      return;
    }
    if (topic !== this.topic) return;
    const a = parseAnnouncement(payload);
    const before = this.owner?.instance;
    this.owner = a;
    if (a !== undefined) this.lastOwnerName = a.instance;
    this.lastOwnerAt = Date.now();
    if (a !== undefined && a.instance !== this.instance && this.role === 'active') {
      // A later claim than ours: the broker ordered it after ours, it wins.
      this.stepDown(false);
      return;
    }
    if (this.role === 'joining') return; // the probe decides
    if (a === undefined && this.role === 'standby') {
      this.claim();
      return;
    }
    if (a === undefined && this.role === 'active') {
      this.announce(); // someone cleared it under us: say it again
      return;
    }
    if (before !== a?.instance) this.hooks.changed(this.view);
  }

  /** After joining: an owner alive → standby; none → claim. */
  private decide(): void {
    if (this.owner !== undefined && this.owner.instance !== this.instance) {
      this.role = 'standby';
      this.hooks.changed(this.view);
      return;
    }
    this.claim();
  }

  private claim(): void {
    if (this.stopped || this.role === 'active') return;
    const previous = this.lastOwnerName;
    this.tookOverFrom = previous !== undefined && previous !== this.instance ? previous : undefined;
    this.role = 'active';
    this.since = Date.now();
    const link = mqttConnect(this.opts.url, this.clientOptions('owner'));
    this.ownerLink = link;
    link.on('error', (err) => this.hooks.warn(`HA owner link ${this.opts.url}: ${err.message}`));
    link.on('connect', () => this.announce());
    clearInterval(this.announceTimer);
    this.announceTimer = setInterval(() => this.announce(), this.announceMs);
    clearInterval(this.knownTimer);
    this.lastKnownSent = '';
    this.knownTimer = setInterval(() => this.publishKnown(), this.opts.knownMs ?? 1000);
    this.owner = { instance: this.instance, since: this.since, at: this.since };
    this.hooks.changed(this.view);
  }

  private announce(): void {
    const link = this.ownerLink;
    if (link === undefined || !link.connected || this.role !== 'active') return;
    const a: Announcement = { instance: this.instance, since: this.since, at: Date.now() };
    link.publish(this.topic, JSON.stringify(a), { qos: 1, retain: true });
  }

  /** The owner's agents and calls, when they changed since the last time (retained: a restarted member sees it). */
  private publishKnown(): void {
    const link = this.ownerLink;
    if (link === undefined || !link.connected || this.role !== 'active') return;
    const k = this.hooks.known?.();
    if (k === undefined) return;
    const body = JSON.stringify(k);
    if (body === this.lastKnownSent) return;
    this.lastKnownSent = body;
    const msg: KnownState = { instance: this.instance, at: Date.now(), ...k };
    link.publish(this.knownTopic, JSON.stringify(msg), { qos: 1, retain: true });
  }

  private stepDown(clear: boolean): void {
    clearInterval(this.announceTimer);
    this.announceTimer = undefined;
    clearInterval(this.knownTimer);
    this.knownTimer = undefined;
    const link = this.ownerLink;
    this.ownerLink = undefined;
    if (link !== undefined) {
      // A clean end: the will does not fire, the topic keeps whatever the broker has now (the new owner's claim).
      if (clear) link.publish(this.topic, '', { qos: 1, retain: true });
      link.end(false);
    }
    this.role = 'standby';
    this.tookOverFrom = undefined;
    this.lastOwnerAt = Date.now();
    this.hooks.changed(this.view);
  }

  /** A standby claims when the owner has not announced itself for ownerTimeoutMs (will lost, owner hung). */
  private armWatchdog(): void {
    const tick = Math.max(50, Math.min(1000, Math.floor(this.ownerTimeoutMs / 4)));
    const check = (): void => {
      if (this.stopped) return;
      if (
        this.role === 'standby' &&
        this.watch?.connected === true &&
        Date.now() - this.lastOwnerAt > this.ownerTimeoutMs
      ) {
        this.hooks.warn(`HA: no announcement from owner ${this.owner?.instance ?? '?'} for ${this.ownerTimeoutMs} ms`);
        this.claim();
      }
      this.watchdog = setTimeout(check, tick);
    };
    this.watchdog = setTimeout(check, tick);
  }
}

function parseAnnouncement(payload: Buffer): Announcement | undefined {
  if (payload.length === 0) return undefined;
  try {
    const a = JSON.parse(payload.toString()) as Partial<Announcement>;
    if (typeof a.instance !== 'string' || a.instance === '') return undefined;
    return { instance: a.instance, since: Number(a.since) || 0, at: Number(a.at) || 0 };
  } catch {
    return undefined;
  }
}

function parseKnown(payload: Buffer): KnownState | undefined {
  if (payload.length === 0) return undefined;
  try {
    const k = JSON.parse(payload.toString()) as Partial<KnownState>;
    if (typeof k.instance !== 'string' || !Array.isArray(k.agents) || !Array.isArray(k.calls)) return undefined;
    const calls = k.calls.filter(
      (c): c is KnownCall =>
        typeof c === 'object' &&
        c !== null &&
        typeof c.connectionCallId === 'number' &&
        typeof c.connectionDeviceIdType === 'number' &&
        typeof c.connectionDeviceId === 'string',
    );
    const agents = k.agents.filter((a): a is KnownAgent => typeof a === 'object' && a !== null);
    return { instance: k.instance, at: Number(k.at) || 0, agents, calls };
  } catch {
    return undefined;
  }
}
