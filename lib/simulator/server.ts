import { EventEmitter } from 'node:events';
import * as net from 'node:net';
import { AgentState, StatusCode, SystemEventId, type CtiMessage } from '../protocol';
import { RealClock, type SimClock, type SimTimer } from './clock';
import { configurationOf } from './config-acquisition';
import { SimConfigChanges } from './config-changes';
import { statisticsOf } from './statistics';
import { CallFlows } from './call-flows';
import { ClientSession, type SessionHost } from './client-session';
import * as ev from './events';
import { type FaultSpec, FaultInjector, parseFaultSpec } from './faults';
import { type SimAgent, type SimCall, SimModel } from './model';
import type { SimConfigChange } from './organization';
import type { OpenPolicy } from './open-validation';
import { runScenario, type ScenarioDef, type ScenarioRunOptions, type ScenarioTarget } from './scenarios';
import { supervisorSessionClosed, supervisorSessionOpened, teamChanged } from './supervision';
import type {
  CtiSimulatorOptions,
  InboundCallOptions,
  OutboundCallOptions,
  SimCallDataChanges,
  SimRequestInfo,
  SimSessionInfo,
  SimEvent,
} from './types';

/** Shared model of a duplexed pair (both sides serve the same peripheral). */
export interface SharedModel {
  model: SimModel;
  flows: CallFlows;
}

/** The simulator's events and what their listeners receive. */
export interface CtiSimulatorEvents {
  /** A session completed OPEN (standby sessions included). */
  'session-open': [info: SimSessionInfo];
  /** An open session ended; `info.reason` says why. */
  'session-close': [info: SimSessionInfo];
  /**
   * Every request a client sends, OPEN_REQ / HEARTBEAT_REQ / CLOSE_REQ and refused ones included, emitted
   * before it is answered.
   */
  request: [info: SimRequestInfo];
  listening: [address: { host: string; port: number }];
  /** Every message written to a client, as written (after masks and variable filtering). */
  'message-sent': [sent: { sessionId: number; message: CtiMessage }];
  /** An ACTIVE_MAINTENANCE_RESP (maintenance.ts). */
  'maintenance-answer': [answer: { sessionId: number; invokeId: number; accepted: boolean }];
}

/**
 * A CTI Server simulator: a TCP listener speaking the CTI protocol (versions 15–25) over a simulated
 * peripheral with agents and calls; a typed emitter of CtiSimulatorEvents.
 */
export class CtiSimulator extends EventEmitter<CtiSimulatorEvents> implements SessionHost, ScenarioTarget {
  readonly model: SimModel;
  /** Changes to agents and skill groups while running (announced to configuration-acquisition clients). */
  readonly config: SimConfigChanges;
  readonly flows: CallFlows;
  readonly clock: SimClock;
  readonly faults: FaultInjector;
  readonly side: 'A' | 'B';
  readonly debug: boolean;
  host: string;
  port: number;
  private active: boolean;
  private server?: net.Server;
  private readonly clients = new Set<ClientSession>();
  /** Became active by a switchover (not started active): All Events clients get the calls' state. */
  private activatedBySwitchover = false;
  /** Maintenance mode (maintenance.ts): not active, refusing OPEN_REQ, until it ends. */
  private inMaintenance = false;
  private readonly timers = new Set<SimTimer>();
  private readonly sleepers = new Set<() => void>();
  private stopped = false;
  private readonly logger?: (line: string) => void;
  private readonly onModelEvent = (e: SimEvent): void => {
    if (!this.active) return;
    for (const s of this.clients) s.deliver(e);
  };
  private readonly onDissociate = (call: SimCall, agentId: string | undefined): void => {
    // END_CALL_EVENT is an event like the others: a side that is not active (in maintenance, its clients about
    // to move) sends none, or a client would get it from both sides.
    if (!this.active) return;
    for (const s of this.clients) s.dissociate(call, agentId);
  };
  /** A team changed: its supervisor sessions on this side get AGENT_TEAM_CONFIG_EVENT. */
  private readonly onConfig = (change: SimConfigChange): void => {
    if (change.kind === 'team' && this.active) teamChanged(this.openSessions(), this.model, change.id as number);
  };

  constructor(
    private readonly opts: CtiSimulatorOptions = {},
    shared?: SharedModel,
  ) {
    super();
    this.clock = opts.clock ?? new RealClock();
    this.model =
      shared?.model ??
      new SimModel({
        clock: this.clock,
        agents: opts.agents,
        skillGroups: opts.skillGroups,
        teams: opts.teams,
        wrapup: opts.wrapup,
        peripheralId: opts.peripheralId,
        peripheralType: opts.peripheralType,
        eccVariables: opts.eccVariables,
        eccArrays: opts.eccArrays,
      });
    this.flows = shared?.flows ?? new CallFlows(this.model);
    this.faults = new FaultInjector(this);
    this.side = opts.side ?? 'A';
    this.active = opts.active ?? true;
    this.host = opts.host ?? '127.0.0.1';
    this.port = opts.port ?? 0;
    this.logger = opts.logger;
    this.debug = opts.debug === true;
    // Statistics and configuration acquisition follow the model from its start (one of each per model).
    statisticsOf(this.model);
    configurationOf(this.model);
    this.config = new SimConfigChanges(this.model);
    this.model.on('event', this.onModelEvent);
    this.model.on('dissociate', this.onDissociate);
    this.model.on('config', this.onConfig);
  }

  // ---- SessionHost -------------------------------------------------------------------------------

  get faultState(): { silent: boolean; delayMs: number } {
    return this.faults.state;
  }
  openPolicy(): Omit<OpenPolicy, 'openSessions'> {
    return {
      versions: this.opts.versions ?? [15, 25],
      password: this.opts.password,
      clientId: this.opts.clientId,
      active: this.active,
      inMaintenance: this.inMaintenance,
      model: this.model,
    };
  }
  openSessions(): ClientSession[] {
    return [...this.clients].filter((s) => s.state === 'open');
  }
  connectedSessions(): ClientSession[] {
    return [...this.clients].filter((s) => s.state !== 'closed');
  }
  isActive(): boolean {
    return this.active;
  }
  /**
   * Whether an All Events session gets the simulator's own SYSTEM_EVENT (peripheral status) right after its
   * OPEN_CONF. A replay turns it off: the recording carries the SYSTEM_EVENT its client got, and a second one
   * would make the replayed events differ from the recorded ones.
   */
  announcesPeripheralStatus = true;

  /**
   * Unsure: the guide does not say for how long after a switchover newly opened All Events sessions are told
   * the state of calls in progress; chose for as long as this side stays active (a client opening later still
   * has no other way to learn about calls that began before it opened).
   */
  rebuildsCallState(): boolean {
    return this.active && this.activatedBySwitchover;
  }
  log(line: string): void {
    if (this.logger !== undefined) this.logger(`[side ${this.side}] ${line}`);
  }
  sessionOpened(s: ClientSession): void {
    const i = s.info();
    this.log(
      `session ${s.id} (${s.remote}) open: client "${i.clientId}" v${i.version}, services ${s.services.toString(16)}` +
        `${s.agent ? `, agent ${s.agent.agentId}` : ''}${s.standby ? ' (standby)' : ''}`,
    );
    supervisorSessionOpened(s, this.model);
    this.emit('session-open', i);
  }
  sessionClosed(s: ClientSession, reason: string): void {
    supervisorSessionClosed(s, this.model);
    this.emit('session-close', s.info(reason));
  }
  /** 'message-sent' (tests account for each event on the wire); costs nothing when nobody listens. */
  messageSent(s: ClientSession, message: CtiMessage): void {
    if (this.listenerCount('message-sent') > 0) this.emit('message-sent', { sessionId: s.id, message });
  }
  requestSeen(info: SimRequestInfo): void {
    // Heartbeats would drown the info log; OPEN_REQ and CLOSE_REQ are logged with their outcome already.
    const routine =
      info.messageType === 'HEARTBEAT_REQ' || info.messageType === 'OPEN_REQ' || info.messageType === 'CLOSE_REQ';
    if (!routine || this.debug) {
      const refused =
        info.refusedStatus === undefined
          ? ''
          : ` refused: ${StatusCode.nameOf(info.refusedStatus) ?? info.refusedStatus}`;
      this.log(`session ${info.sessionId}: ${info.messageType} invokeId ${info.invokeId}${refused}`);
    }
    this.emit('request', info);
  }

  // ---- lifecycle ---------------------------------------------------------------------------------

  /** Sessions that completed OPEN and are still open. */
  get openSessionCount(): number {
    return this.openSessions().length;
  }

  /** Snapshots of the open sessions (standby ones included), oldest first; copies, not live objects. */
  sessions(): SimSessionInfo[] {
    return this.openSessions().map((s) => s.info());
  }

  /** Starts listening; resolves with the bound address (sim.port is set). */
  start(): Promise<{ host: string; port: number }> {
    if (this.server !== undefined) return Promise.resolve({ host: this.host, port: this.port });
    this.stopped = false;
    this.flows.attach(this);
    return new Promise((resolve, reject) => {
      const server = net.createServer((socket) => this.accept(socket));
      this.server = server;
      server.on('error', (err) => {
        this.log(`listener error: ${err.message}`);
        reject(err);
      });
      server.listen(this.port, this.host, () => {
        const addr = server.address() as net.AddressInfo;
        this.port = addr.port;
        this.log(`listening on ${this.host}:${this.port} (${this.active ? 'active' : 'standby'})`);
        this.emit('listening', { host: this.host, port: this.port });
        resolve({ host: this.host, port: this.port });
      });
    });
  }

  private accept(socket: net.Socket): void {
    if (this.stopped) {
      socket.destroy();
      return;
    }
    const s = new ClientSession(socket, this);
    this.clients.add(s);
    socket.on('close', () => this.clients.delete(s));
    this.log(`connection from ${s.remote} (session ${s.id})`);
  }

  /** Closes the listener, every client socket, every timer; pending scenario sleeps end at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    // Wrap-up timers end with the last simulator serving the model (a pair's other side keeps them).
    this.flows.detach(this);
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    for (const wake of [...this.sleepers]) wake();
    this.sleepers.clear();
    this.model.off('event', this.onModelEvent);
    this.model.off('dissociate', this.onDissociate);
    this.model.off('config', this.onConfig);
    const server = this.server;
    this.server = undefined;
    for (const s of this.clients) s.close('simulator stopped', true);
    this.clients.clear();
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
    // Listeners come back if the simulator is started again.
    this.model.on('event', this.onModelEvent);
    this.model.on('dissociate', this.onDissociate);
    this.model.on('config', this.onConfig);
  }

  /** True once stop() was called (until the next start()). */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Sleeps on the simulator's clock; ends early (resolves false) when the simulator stops. */
  sleep(ms: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = (): void => {
        this.sleepers.delete(wake);
        resolve(false);
      };
      this.sleepers.add(wake);
      const t = this.clock.setTimer(ms, () => {
        this.timers.delete(t);
        this.sleepers.delete(wake);
        resolve(!this.stopped);
      });
      this.timers.add(t);
    });
  }

  /** Calls `fn` once when stop() is called (unless forgotten first); returns the function that forgets it. */
  whenStopped(fn: () => void): () => void {
    const wake = (): void => {
      this.sleepers.delete(wake);
      fn();
    };
    this.sleepers.add(wake);
    return () => void this.sleepers.delete(wake);
  }

  /** Runs `fn` after `ms` of the simulator's clock unless the simulator stops first. */
  schedule(ms: number, fn: () => void): SimTimer {
    const t = this.clock.setTimer(ms, () => {
      this.timers.delete(t);
      if (!this.stopped) fn();
    });
    this.timers.add(t);
    return t;
  }

  // ---- active / standby --------------------------------------------------------------------------

  /** Maintenance continues (maintenance.ts): no more events from this side, OPEN_REQ refused; sessions kept. */
  enterMaintenance(): void {
    this.active = false;
    this.activatedBySwitchover = false;
    this.inMaintenance = true;
    this.log('in maintenance mode: OPEN_REQ refused with E_CTI_SERVER_IN_MAINTENANCE_MODE');
  }

  /** In maintenance mode (between a maintenance that continued and endMaintenance()). */
  get inMaintenanceMode(): boolean {
    return this.inMaintenance;
  }

  /** Maintenance over: this side comes back as the standby. */
  leaveMaintenance(): void {
    if (!this.inMaintenance) return;
    this.inMaintenance = false;
    this.log('maintenance over: now the standby side');
  }

  /** An ACTIVE_MAINTENANCE_RESP from a client (maintenance.ts collects them). */
  maintenanceAnswered(s: ClientSession, resp: CtiMessage): void {
    const answer = {
      sessionId: s.id,
      invokeId: resp.invokeId as number,
      accepted: Boolean(resp.maintenanceModeAccepted),
    };
    this.log(`session ${s.id}: ACTIVE_MAINTENANCE_RESP ${answer.accepted ? 'accepted' : 'rejected'}`);
    this.emit('maintenance-answer', answer);
  }

  /** Becomes the active side (standby sessions get STANDBY_ACTIVE_EVENT) or the standby (clients dropped). */
  setActive(active: boolean): void {
    if (active === this.active) return;
    this.active = active;
    this.activatedBySwitchover = active;
    this.log(active ? 'now the active side' : 'now the standby side');
    if (active) {
      for (const s of this.openSessions()) s.activate();
    } else {
      for (const s of this.connectedSessions()) {
        s.sendFailureEvent(StatusCode.byName.E_CTI_CTI_SERVER_OFFLINE);
        s.close('side went standby');
      }
    }
  }

  // ---- the model ---------------------------------------------------------------------------------

  /** Delivers an inbound call (see InboundCallOptions); resolves when its events are sent. */
  startInboundCall(o: InboundCallOptions = {}): Promise<SimCall> {
    return this.flows.inbound(o);
  }
  /** An agent's outbound call (MAKE_CALL as if dialled at the phone). */
  async startOutboundCall(o: OutboundCallOptions = {}): Promise<SimCall> {
    const agent = o.agentId !== undefined ? this.model.getAgent(o.agentId) : this.firstAvailable();
    if (agent === undefined) throw new Error('no available agent for an outbound call');
    return this.flows.outbound({ ...o, agent });
  }
  async answerCall(call: SimCall): Promise<void> {
    this.flows.answer(call);
  }
  async holdCall(call: SimCall): Promise<void> {
    this.flows.hold(call);
  }
  async retrieveCall(call: SimCall): Promise<void> {
    this.flows.retrieve(call);
  }
  /** Ends the whole call (the agent or the caller hangs up). */
  async releaseCall(call: SimCall): Promise<void> {
    this.flows.release(call);
  }
  /** Consults another agent (default: the first available one); resolves with the consultation call. */
  async consultCall(call: SimCall, targetAgentId?: string): Promise<SimCall> {
    const target = targetAgentId ?? this.firstAvailable(call.agentId)?.agentId;
    if (target === undefined) throw new Error('no available agent to consult');
    return this.flows.consult(call, call.agentId, target);
  }
  async transferCall(held: SimCall, consult: SimCall): Promise<void> {
    this.flows.transfer(held, consult);
  }
  async conferenceCall(held: SimCall, consult: SimCall): Promise<void> {
    this.flows.conference(held, consult);
  }
  async divertCall(call: SimCall, toAgentId?: string): Promise<void> {
    const to = toAgentId ?? this.firstAvailable(call.agentId)?.agentId;
    if (to === undefined) throw new Error('no available agent to divert to');
    this.flows.divert(call, to);
  }
  /** The customer hangs up; `cause` is CALL_CLEARED's EventCause (e.g. CECX_ABAND_RING for an abandon). */
  async hangUpCaller(call: SimCall, cause?: number): Promise<void> {
    this.flows.callerHangsUp(call, cause);
  }
  /**
   * Waits until `call` is answered (by a client's ANSWER_CALL_REQ or the simulator), ends, or `timeoutMs` of the
   * simulator's clock pass; 'stopped' when the simulator stops first.
   */
  waitForAnswer(call: SimCall, timeoutMs: number): Promise<'answered' | 'ended' | 'timeout' | 'stopped'> {
    const now = (): 'answered' | 'ended' | undefined =>
      !this.model.calls.has(call)
        ? 'ended'
        : call.state === 'connected' || call.state === 'held'
          ? 'answered'
          : undefined;
    const settled = now();
    if (settled !== undefined) return Promise.resolve(settled);
    return new Promise((resolve) => {
      const check = (): void => {
        const outcome = now();
        if (outcome !== undefined) done(outcome);
      };
      const done = (outcome: 'answered' | 'ended' | 'timeout' | 'stopped'): void => {
        this.model.off('event', check);
        this.model.off('dissociate', check);
        this.sleepers.delete(onStop);
        timer.cancel();
        this.timers.delete(timer);
        resolve(outcome);
      };
      const onStop = (): void => done('stopped');
      this.model.on('event', check);
      this.model.on('dissociate', check);
      this.sleepers.add(onStop);
      const timer = this.schedule(timeoutMs, () => done('timeout'));
    });
  }
  async failCall(call: SimCall, cause?: number): Promise<void> {
    this.flows.fail(call, cause);
  }
  /** Changes call data as a routing script or another client would: CALL_DATA_UPDATE_EVENT to entitled clients. */
  async setCallData(call: SimCall, changes: SimCallDataChanges): Promise<void> {
    const flat: Record<string, unknown> = { ...changes };
    delete flat.callVariables;
    for (const [n, v] of Object.entries(changes.callVariables ?? {})) flat[`callVariable${n}`] = v;
    this.flows.setCallData(call, flat);
  }
  /** Changes an agent's state; `reasonCode` is the EventReasonCode of a NOT_READY or LOGOUT. */
  async setAgentState(agentId: string, state: number | string, reasonCode?: number): Promise<void> {
    const value = typeof state === 'string' ? AgentState.valueOf(state) : state;
    if (value === undefined) throw new RangeError(`unknown agent state "${state}"`);
    this.flows.setAgentState(this.model.getAgent(agentId), value, { reasonCode });
  }

  private firstAvailable(except?: string): SimAgent | undefined {
    for (const a of this.model.agents.values()) {
      if (a.agentId !== except && a.state === AgentState.byName.AGENT_STATE_AVAILABLE) return a;
    }
    return undefined;
  }

  /** Runs a built-in ('inbound', 'busy-hour', 'transfer', 'conference', 'outbound') or a JSON scenario. */
  runScenario(scenario: string | ScenarioDef, opts: ScenarioRunOptions = {}): Promise<void> {
    return runScenario(this, scenario, opts);
  }

  // ---- peripheral / PG status --------------------------------------------------------------------

  /** SYSTEM_EVENT SYS_PERIPHERAL_ONLINE / _OFFLINE to All Events clients. */
  setPeripheralOnline(online: boolean): void {
    this.model.peripheralOnline = online;
    this.broadcastSystemEvent(
      online ? SystemEventId.byName.SYS_PERIPHERAL_ONLINE : SystemEventId.byName.SYS_PERIPHERAL_OFFLINE,
    );
  }

  /**
   * SYSTEM_EVENT SYS_PERIPHERAL_GATEWAY_OFFLINE, or (back online) SYS_PERIPHERAL_ONLINE.
   * Unsure: the guide has no "PG online" system event; chose SYS_PERIPHERAL_ONLINE with PGStatus back to normal.
   */
  setPgOnline(online: boolean): void {
    this.model.pgOnline = online;
    this.broadcastSystemEvent(
      online ? SystemEventId.byName.SYS_PERIPHERAL_ONLINE : SystemEventId.byName.SYS_PERIPHERAL_GATEWAY_OFFLINE,
    );
  }

  private broadcastSystemEvent(id: number): void {
    this.log(`SYSTEM_EVENT ${SystemEventId.nameOf(id)}`);
    const msg = ev.systemEvent(this.model, id, this.model.peripheralId);
    // Both sides' models are shared in a pair; only sides with clients send.
    for (const s of this.openSessions()) if (s.isAllEvents && !s.standby) s.send(msg);
  }

  // ---- faults by name (CLI --fault, scenario steps) -----------------------------------------------

  /** Applies a fault by spec ("silent", "delay=500ms", "drop-after=10s", ...). Switchover needs a pair. */
  applyFault(spec: string | FaultSpec, switchover?: () => void, maintenance?: () => void): void {
    const f = typeof spec === 'string' ? parseFaultSpec(spec) : spec;
    if (f.afterMs !== undefined) {
      this.schedule(f.afterMs, () => this.applyFault({ name: f.name, valueMs: f.valueMs }, switchover, maintenance));
      return;
    }
    switch (f.name) {
      case 'drop':
        return this.faults.dropConnections();
      case 'silent':
        return this.faults.setSilent(true);
      case 'unsilent':
        return this.faults.setSilent(false);
      case 'delay':
        return this.faults.setDelay(f.valueMs ?? 0);
      case 'garbage':
        return this.faults.sendGarbage();
      case 'truncated':
        return this.faults.sendTruncatedFrame();
      case 'oversized':
        return this.faults.sendOversizedLength();
      case 'newer-type':
        return this.faults.sendNewerMessageType();
      case 'peripheral-offline':
        return this.setPeripheralOnline(false);
      case 'peripheral-online':
        return this.setPeripheralOnline(true);
      case 'pg-offline':
        return this.setPgOnline(false);
      case 'pg-online':
        return this.setPgOnline(true);
      case 'server-offline':
        return this.faults.sendServerOffline();
      case 'switchover':
        if (switchover === undefined) throw new Error('fault "switchover" needs a duplexed pair (--side-b-port)');
        return switchover();
      case 'maintenance':
        if (maintenance === undefined) throw new Error('fault "maintenance" needs a duplexed pair (--side-b-port)');
        return maintenance();
    }
  }
}
