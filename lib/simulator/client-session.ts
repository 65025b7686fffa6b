import type { Socket } from 'node:net';
import {
  AgentState,
  CallEventMask,
  type CtiMessage,
  CtiProtocolError,
  DEFAULT_VERSION,
  decodeMessage,
  messageTypeId,
  messageTypeName,
  encodeMessage,
  FrameReader,
  MAX_VERSION,
  MIN_VERSION,
  ServiceMask,
  SessionType,
  StatusCode,
} from '../protocol';
import type { SimClock, SimTimer } from './clock';
import { callStateEvents } from './call-state-rebuild';
import * as ev from './events';
import type { SimAgent, SimCall } from './model';
import { decodeOpenTolerantly, normalizeOpen } from './open-tolerance';
import { type OpenPolicy, validateOpen } from './open-validation';
import type { RequestHost, RequestSession } from './request-context';
import { handleRequest } from './requests';
import { teamMonitorIdFor } from './supervision';
import type { SimRequestInfo, SimSessionInfo, SimEvent, SimVariableRegistration } from './types';
import { filterCallData } from './variable-registration';

const S = StatusCode.byName;
const SVC = ServiceMask.byName;
const TYPE_OPEN_REQ = messageTypeId('OPEN_REQ')!;
/** Frame offsets (header included) of OPEN_REQ's InvokeID and VersionNumber: the same in every version. */
const OPEN_REQ_INVOKE_ID_AT = 8;
const OPEN_REQ_VERSION_AT = 12;
const OPEN_REQ_VERSION_END = OPEN_REQ_VERSION_AT + 4;

/** What a session needs from its simulator (request handlers get the RequestHost part of it). */
export interface SessionHost extends RequestHost {
  readonly clock: SimClock;
  readonly faultState: { silent: boolean; delayMs: number };
  openPolicy(): Omit<OpenPolicy, 'openSessions'>;
  openSessions(): ClientSession[];
  isActive(): boolean;
  /** The side became active by a switchover: All Events clients are told the state of calls in progress. */
  rebuildsCallState(): boolean;
  /** All Events sessions get a SYSTEM_EVENT after OPEN_CONF (off while a recording is replayed). */
  readonly announcesPeripheralStatus: boolean;
  readonly side: 'A' | 'B';
  readonly debug: boolean;
  sessionOpened(s: ClientSession): void;
  sessionClosed(s: ClientSession, reason: string): void;
  requestSeen(info: SimRequestInfo): void;
  /** A message was written to this session's socket (after masks and variable filtering). */
  messageSent?(s: ClientSession, msg: CtiMessage): void;
  /** An ACTIVE_MAINTENANCE_RESP (maintenance.ts). */
  maintenanceAnswered?(s: ClientSession, resp: CtiMessage): void;
}

/** Event message name → its CallMsgMask bit (BEGIN_CALL_MASK → BEGIN_CALL_EVENT, ...). */
const CALL_MASK_BIT = new Map<string, number>();
for (const [name, bit] of Object.entries(CallEventMask.byName))
  CALL_MASK_BIT.set(name.replace(/_MASK$/, '_EVENT'), bit);

/** AgentStateMask bit of an agent state (the mask has no bit for AGENT_STATE_UNKNOWN). */
function agentStateBit(state: number): number | undefined {
  if (state <= 8) return 1 << state;
  if (state === AgentState.byName.AGENT_STATE_UNKNOWN) return undefined;
  return 1 << (state - 1);
}

let nextSessionId = 1;

/**
 * One connected client: frames in, OPEN validation, idle timeout, masks and event filtering, requests
 * dispatched to requests.ts. Nothing a client sends can throw out of here; every socket error is handled.
 */
export class ClientSession implements RequestSession {
  readonly id = nextSessionId++;
  readonly remote: string;
  private lifecycle: 'new' | 'open' | 'closed' = 'new';
  private openedVersion = DEFAULT_VERSION;
  /** What OPEN granted and asked for; set once, by open(). */
  private granted = { services: 0, callMsgMask: 0, agentStateMask: 0 };
  private client: { clientId?: string; signature?: string; agent?: SimAgent } = {};
  /** The OPEN_REQ this session was opened with (for SimSessionInfo). */
  private openReq?: CtiMessage;
  private onStandby = false;
  private registration?: SimVariableRegistration;
  private readonly reader = new FrameReader();
  private idleMs: number | undefined;
  private idleTimer?: SimTimer;
  private readonly associated = new Set<object>();
  private chain: Promise<void> = Promise.resolve();
  private closeReason = 'connection closed';

  constructor(
    readonly socket: Socket,
    private readonly host: SessionHost,
  ) {
    this.remote = `${socket.remoteAddress}:${socket.remotePort}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => {
      this.closeReason = `socket error: ${err.message}`;
    });
    socket.on('close', () => this.onSocketClosed());
  }

  get state(): 'new' | 'open' | 'closed' {
    return this.lifecycle;
  }
  /** The version the session opened with (before OPEN: the one its answers are encoded in). */
  get version(): number {
    return this.openedVersion;
  }
  get services(): number {
    return this.granted.services;
  }
  get configMsgMask(): number {
    return (this.openReq?.configMsgMask as number | undefined) ?? 0;
  }
  get clientId(): string | undefined {
    return this.client.clientId;
  }
  get signature(): string | undefined {
    return this.client.signature;
  }
  get agent(): SimAgent | undefined {
    return this.client.agent;
  }
  /** Opened on a standby side and not yet activated. */
  get standby(): boolean {
    return this.onStandby;
  }
  /** The last accepted REGISTER_VARIABLES_REQ; undefined = the client receives all call data. */
  get registeredVariables(): SimVariableRegistration | undefined {
    return this.registration;
  }
  registerVariables(registration: SimVariableRegistration): void {
    this.registration = registration;
  }

  get isAllEvents(): boolean {
    return (this.services & SVC.CTI_SERVICE_ALL_EVENTS) !== 0;
  }
  get isClientEvents(): boolean {
    return (this.services & SVC.CTI_SERVICE_CLIENT_EVENTS) !== 0 && this.agent !== undefined;
  }
  /** The session monitor: Client Events sessions have one (MonitorID ≠ 0); All Events uses 0. */
  get monitorId(): number {
    return this.isClientEvents && !this.isAllEvents ? this.id : 0;
  }

  info(reason?: string): SimSessionInfo {
    const req = this.openReq;
    return {
      id: this.id,
      remote: this.remote,
      clientId: this.clientId,
      version: this.state === 'new' ? undefined : this.version,
      servicesGranted: this.services,
      agentId: this.agent?.agentId,
      standby: this.standby,
      reason,
      side: this.host.side,
      servicesRequested: req?.servicesRequested as number | undefined,
      callMsgMask: req === undefined ? undefined : this.granted.callMsgMask,
      agentStateMask: req === undefined ? undefined : this.granted.agentStateMask,
      configMsgMask: req?.configMsgMask as number | undefined,
      peripheralId: req?.peripheralId as number | undefined,
      idleTimeout: req?.idleTimeout as number | undefined,
      clientSignature: this.signature,
      agentExtension: this.agent?.extension,
      agentInstrument: this.agent?.instrument,
      monitorId: req === undefined ? undefined : this.monitorId,
      registeredVariables:
        this.registeredVariables === undefined
          ? undefined
          : {
              callVariableMask: this.registeredVariables.callVariableMask,
              namedVariables: [...this.registeredVariables.namedVariables],
              namedArrays: [...this.registeredVariables.namedArrays],
            },
    };
  }

  private onData(chunk: Buffer): void {
    if (this.state === 'closed') return;
    try {
      this.reader.feed(chunk, (frame) => this.enqueue(Buffer.from(frame)));
    } catch (err) {
      // An impossible MessageLength: the stream cannot be resynchronised. Tell the client, then drop it.
      const code = err instanceof CtiProtocolError ? err.code : 'E_CTI_INVALID_MESSAGE_LENGTH';
      this.host.log(`session ${this.id}: ${err instanceof Error ? err.message : String(err)}; closing`);
      this.sendFailureEvent(StatusCode.valueOf(code) ?? S.E_CTI_INVALID_MESSAGE_LENGTH);
      this.close(`unusable stream (${code})`);
    }
  }

  private enqueue(frame: Buffer): void {
    if (this.state === 'open') this.armIdleTimer();
    this.chain = this.chain
      .then(() => this.handleFrame(frame))
      .catch((err) =>
        this.host.log(
          `session ${this.id}: internal error handling a frame: ${err instanceof Error ? err.stack : String(err)}`,
        ),
      );
  }

  private async handleFrame(frame: Buffer): Promise<void> {
    if (this.host.faultState.silent) return;
    const delay = this.host.faultState.delayMs;
    if (delay > 0) await this.host.clock.sleep(delay);
    if (this.state === 'closed') return;
    const typeId = frame.readUInt32BE(4);
    let decodeVersion = this.version;
    if (this.state === 'new' && typeId === TYPE_OPEN_REQ && frame.length >= OPEN_REQ_VERSION_END) {
      // VersionNumber sits at the same place in every version's OPEN_REQ, but the rest of the layout does
      // not (one-byte floating tags before PV20, longer fixed parts in newer versions): the version is read
      // from the raw body first, and only a version this side accepts is decoded, in its own layout.
      const requested = frame.readUInt32BE(OPEN_REQ_VERSION_AT);
      const [lo, hi] = this.host.openPolicy().versions;
      if (!(requested >= Math.max(lo, MIN_VERSION) && requested <= Math.min(hi, MAX_VERSION))) {
        this.refuseVersion(frame.readUInt32BE(OPEN_REQ_INVOKE_ID_AT), requested, `${lo}-${hi}`);
        return;
      }
      decodeVersion = requested;
    }
    let msg: CtiMessage;
    try {
      msg = this.decodeStrict(frame, decodeVersion);
    } catch (err) {
      const code = err instanceof CtiProtocolError ? err.code : 'E_CTI_BAD_MESSAGE_FORMAT';
      this.host.log(
        `session ${this.id}: malformed frame (type ${typeId}): ${err instanceof Error ? err.message : String(err)}`,
      );
      const status = StatusCode.valueOf(code) ?? S.E_CTI_BAD_MESSAGE_FORMAT;
      // Unsure: the guide does not say how a server answers a malformed request. A request whose type and
      // InvokeID can still be read gets FAILURE_CONF, so the client's pending request is settled instead of
      // timing out; anything else gets FAILURE_EVENT.
      const name = messageTypeName(typeId);
      if (name !== undefined && name.endsWith('_REQ') && frame.length >= 12) {
        this.failureConf(frame.readUInt32BE(8), status);
      } else {
        this.sendFailureEvent(status);
      }
      return;
    }
    if (this.host.debug) this.host.log(`session ${this.id} <- ${JSON.stringify(msg, jsonBuffers)}`);
    this.dispatch(msg, frame);
  }

  /**
   * Strict decode, with the OPEN_REQ tolerances of open-tolerance.ts (a STRING without its NUL, no
   * ClientPassword field): such an OPEN_REQ is read liberally and what was tolerated is logged.
   */
  private decodeStrict(frame: Buffer, version: number): CtiMessage {
    try {
      return decodeMessage(frame, version, { strict: true });
    } catch (err) {
      if (!(err instanceof CtiProtocolError) || err.messageType !== 'OPEN_REQ') throw err;
      const tolerated = decodeOpenTolerantly(frame, version);
      if (tolerated === undefined) throw err;
      for (const note of tolerated.notes)
        this.host.log(`session ${this.id}: OPEN_REQ from "${tolerated.msg.clientId}" ${note}`);
      return tolerated.msg;
    }
  }

  /** An OPEN_REQ for a version this side does not accept, refused before its body is decoded. */
  private refuseVersion(invokeId: number, version: number, accepted: string): void {
    const status = S.E_CTI_INVALID_VERSION;
    this.requestSeen({ messageType: 'OPEN_REQ', invokeId, versionNumber: version }, invokeId, status);
    this.host.log(
      `session ${this.id} (${this.remote}): OPEN_REQ v${version} refused: ${StatusCode.nameOf(status)} (version ${version} not in ${accepted})`,
    );
    this.failureConf(invokeId, status);
  }

  private dispatch(msg: CtiMessage, frame: Buffer): void {
    const invokeId = typeof msg.invokeId === 'number' ? msg.invokeId : frame.length >= 12 ? frame.readUInt32BE(8) : 0;
    if (msg.messageType === 'OPEN_REQ') {
      if (this.state === 'open') {
        this.requestSeen(msg, invokeId, S.E_CTI_SESSION_ALREADY_OPEN);
        this.failureConf(invokeId, S.E_CTI_SESSION_ALREADY_OPEN);
      } else {
        this.open(msg, invokeId);
      }
      return;
    }
    if (this.state !== 'open') {
      this.failureConf(invokeId, S.E_CTI_SESSION_NOT_OPEN);
      return;
    }
    switch (msg.messageType) {
      case 'HEARTBEAT_REQ':
        this.requestSeen(msg, invokeId);
        this.send({ messageType: 'HEARTBEAT_CONF', invokeId: msg.invokeId });
        return;
      case 'CLOSE_REQ':
        this.host.log(`session ${this.id}: CLOSE_REQ (status ${StatusCode.nameOf(msg.status) ?? msg.status})`);
        this.requestSeen(msg, invokeId);
        this.send({ messageType: 'CLOSE_CONF', invokeId: msg.invokeId });
        this.close('closed by client');
        return;
      case 'STOPPING_REQUESTS_TO_THIS_SIDE_IND':
        this.close('client stopped using this side');
        return;
      case 'ACTIVE_MAINTENANCE_RESP_MSG':
        this.host.maintenanceAnswered?.(this, msg);
        return;
    }
    if (this.standby) {
      // Unsure: the guide only says the standby accepts OPEN/HEARTBEAT/CLOSE; chose E_CTI_CTI_SERVER_OFFLINE
      // for anything else (E_CTI_SERVER_NOT_MASTER would be the other candidate).
      this.requestSeen(msg, invokeId, S.E_CTI_CTI_SERVER_OFFLINE);
      this.failureConf(invokeId, S.E_CTI_CTI_SERVER_OFFLINE);
      return;
    }
    if (msg.messageType === 'UNKNOWN') {
      this.sendFailureEvent(S.E_CTI_INVALID_MSG_TYPE_FOR_VERSION);
      return;
    }
    this.requestSeen(msg, invokeId);
    handleRequest(this, msg, invokeId, this.host);
  }

  /** Tells the simulator's 'request' listeners about a request, before it is answered. */
  private requestSeen(msg: CtiMessage, invokeId: number, refusedStatus?: number): void {
    const clientId =
      this.clientId ?? (msg.messageType === 'OPEN_REQ' ? (msg.clientId as string | undefined) : undefined);
    this.host.requestSeen({
      sessionId: this.id,
      clientId,
      messageType: msg.messageType,
      invokeId,
      message: msg,
      ...(refusedStatus === undefined ? {} : { refusedStatus }),
    });
  }

  private open(sent: CtiMessage, invokeId: number): void {
    // Unused mask bits off, PeripheralID 0 of a bridge as NULL_PERIPHERAL_ID (open-tolerance.ts), logged once.
    const { req, notes } = normalizeOpen(sent);
    for (const note of notes) this.host.log(`session ${this.id}: OPEN_REQ from "${req.clientId}" ${note}`);
    const others = this.host.openSessions().filter((s) => s !== this);
    const decision = validateOpen(req, { ...this.host.openPolicy(), openSessions: others });
    const v = req.versionNumber as number;
    this.requestSeen(req, invokeId, decision.ok ? undefined : decision.status);
    if (!decision.ok) {
      this.host.log(
        `session ${this.id} (${this.remote}): OPEN_REQ from "${req.clientId}" v${v} refused: ${StatusCode.nameOf(decision.status)} (${decision.reason})`,
      );
      this.openedVersion = v >= MIN_VERSION && v <= MAX_VERSION ? v : DEFAULT_VERSION;
      this.failureConf(req.invokeId, decision.status);
      return;
    }
    if (decision.replaces instanceof ClientSession) {
      decision.replaces.sendFailureEvent(S.E_CTI_NEW_SESSION_OPENED);
      decision.replaces.close('replaced by a new session of the same client');
    }
    this.openedVersion = v;
    this.openReq = req;
    this.granted = { services: decision.granted, callMsgMask: req.callMsgMask, agentStateMask: req.agentStateMask };
    this.client = {
      clientId: req.clientId,
      signature: req.clientSignature || req.clientId,
      agent: decision.agent,
    };
    this.onStandby = decision.standby;
    this.lifecycle = 'open';
    if (this.agent !== undefined) {
      this.agent.sessionId = this.id;
      this.agent.sessionSignature = this.signature;
    }
    const idle = req.idleTimeout as number;
    this.idleMs = idle === 0xffffffff ? undefined : idle * 1000;
    const m = this.host.model;
    this.send({
      messageType: 'OPEN_CONF',
      invokeId: req.invokeId,
      servicesGranted: this.services,
      monitorId: this.monitorId,
      pgStatus: m.pgStatus,
      icmCentralControllerTime: m.controllerTime,
      peripheralOnline: m.peripheralOnline ? 1 : 0,
      peripheralType: m.peripheralType,
      // Unsure: AgentState is "Client Events only"; other sessions get AGENT_STATE_UNKNOWN.
      agentState: this.agent?.state ?? AgentState.byName.AGENT_STATE_UNKNOWN,
      departmentId: 0,
      sessionType: this.standby ? SessionType.byName.SESSION_TYPE_STANDBY : SessionType.byName.SESSION_TYPE_ACTIVE,
      ...(this.agent === undefined
        ? {}
        : {
            agentExtension: this.agent.extension,
            agentId: this.agent.agentId,
            agentInstrument: this.agent.instrument,
          }),
      numPeripherals: 1,
      fltPeripheralId: [m.peripheralId],
      multilineAgentControl: [0],
    });
    if (this.isAllEvents && !this.standby) {
      if (this.host.announcesPeripheralStatus) this.send(ev.peripheralStatusEvent(m));
      if (this.host.rebuildsCallState()) this.sendCallStates();
    }
    this.armIdleTimer();
    this.host.sessionOpened(this);
  }

  /** The standby side became active: tell the client, then serve it fully. */
  activate(): void {
    if (this.state !== 'open' || !this.standby) return;
    this.onStandby = false;
    this.send({ messageType: 'STANDBY_ACTIVE_EVENT_MSG' });
    if (this.isAllEvents) {
      this.send(ev.peripheralStatusEvent(this.host.model));
      if (this.host.rebuildsCallState()) this.sendCallStates();
    }
  }

  /**
   * After a switchover: the state of every call in progress (call-state-rebuild.ts), each call announced
   * with BEGIN_CALL_EVENT first unless this client already had it.
   * Unsure: the guide names only All Events clients; Client Events (agent) sessions get no rebuild.
   */
  private sendCallStates(): void {
    for (const call of this.host.model.calls) {
      const msgs = callStateEvents(this.host.model, call);
      if (msgs.length === 0) continue;
      if (!this.associated.has(call)) {
        this.associated.add(call);
        this.sendEvent(ev.beginCall(this.host.model, call));
      }
      for (const msg of msgs) this.sendEvent(msg);
    }
  }

  private armIdleTimer(): void {
    this.idleTimer?.cancel();
    this.idleTimer = undefined;
    if (this.idleMs === undefined || this.state !== 'open') return;
    this.idleTimer = this.host.clock.setTimer(this.idleMs, () => this.onIdle());
  }

  private onIdle(): void {
    if (this.state !== 'open') return;
    if (this.host.faultState.silent) {
      // A hung server enforces nothing either; check again later.
      this.armIdleTimer();
      return;
    }
    this.host.log(`session ${this.id}: nothing received for ${this.idleMs! / 1000} s (IdleTimeout); closing`);
    this.sendFailureEvent(S.E_CTI_TIMEOUT);
    this.close('idle timeout');
  }

  /** Addresses one model event to this client, if its services and masks ask for it. */
  deliver(e: SimEvent): void {
    if (this.state !== 'open' || this.standby) return;
    if (e.to !== undefined) {
      if (e.to(this)) this.sendEvent(e.msg);
      return;
    }
    if (e.allEventsOnly === true && !this.isAllEvents) return;
    if (!this.isAllEvents && !(this.isClientEvents && e.agents.includes(this.agent!.agentId))) {
      // A supervisor's team monitor (MONITOR_AGENT_TEAM_START) receives its members' agent states.
      const teamMonitor = teamMonitorIdFor(this, this.host.model, e);
      if (teamMonitor !== undefined) this.sendEvent(e.msg, teamMonitor);
      return;
    }
    for (const call of e.calls ?? []) {
      if (this.associated.has(call)) continue;
      this.associated.add(call);
      this.sendEvent(ev.beginCall(this.host.model, call as SimCall));
    }
    const msg = e.forVersion !== undefined ? e.forVersion(this.version) : e.msg;
    this.sendEvent(e.forAgent !== undefined && !this.isAllEvents ? e.forAgent(this.agent!.agentId, msg) : msg);
  }

  /** Ends the association with a call (END_CALL_EVENT): for everyone (agentId undefined) or one agent's client. */
  dissociate(call: SimCall, agentId: string | undefined): void {
    if (!this.associated.has(call)) return;
    if (agentId !== undefined && (this.isAllEvents || this.agent?.agentId !== agentId)) return;
    this.associated.delete(call);
    this.sendEvent(ev.endCall(this.host.model, call));
  }

  /** Sends an unsolicited event if the session's masks let it through, with the session's MonitorID. */
  sendEvent(msg: CtiMessage, monitorId = this.monitorId): void {
    if (msg.messageType === 'AGENT_STATE_EVENT') {
      const bit = agentStateBit(msg.agentState);
      if (bit !== undefined && (this.granted.agentStateMask & bit) === 0) return;
    } else {
      const bit = CALL_MASK_BIT.get(msg.messageType);
      if (bit !== undefined && (this.granted.callMsgMask & bit) >>> 0 === 0) return;
    }
    this.send('monitorId' in msg ? { ...msg, monitorId } : msg);
  }

  /**
   * Encodes in the session's version and writes. Returns false when nothing was written. Every message
   * carrying call data (events and SNAPSHOT_CALL_CONF alike) is narrowed to the session's registered variables.
   */
  send(message: CtiMessage): boolean {
    if (this.state === 'closed' || this.host.faultState.silent || this.socket.destroyed) return false;
    const msg = filterCallData(message, this.registeredVariables);
    let frame: Buffer;
    try {
      frame = encodeMessage(msg, this.version);
    } catch (err) {
      this.host.log(
        `session ${this.id}: cannot encode ${msg.messageType} for v${this.version}: ${err instanceof Error ? err.message : String(err)}`,
      );
      return false;
    }
    if (this.host.debug) this.host.log(`session ${this.id} -> ${JSON.stringify(msg, jsonBuffers)}`);
    this.socket.write(frame);
    this.host.messageSent?.(this, msg);
    return true;
  }

  /** Writes raw bytes (fault injection). */
  writeRaw(bytes: Buffer): void {
    if (this.state !== 'closed' && !this.socket.destroyed) this.socket.write(bytes);
  }

  failureConf(invokeId: number, status: number): void {
    this.send({ messageType: 'FAILURE_CONF', invokeId: invokeId >>> 0, status });
  }

  sendFailureEvent(status: number): void {
    this.send({ messageType: 'FAILURE_EVENT', status });
  }

  /** Ends the session: graceful (FIN after pending writes) or abrupt (reset). */
  close(reason: string, abrupt = false): void {
    if (this.state === 'closed') return;
    this.closeReason = reason;
    this.markClosed();
    if (abrupt) this.socket.destroy();
    else this.socket.end();
    // A peer that never closes its side must not keep the socket alive for ever.
    const t = setTimeout(() => this.socket.destroy(), 2000);
    t.unref();
    this.socket.once('close', () => clearTimeout(t));
  }

  private markClosed(): void {
    const wasOpen = this.state === 'open';
    this.lifecycle = 'closed';
    this.idleTimer?.cancel();
    this.idleTimer = undefined;
    if (this.agent !== undefined && this.agent.sessionId === this.id) {
      this.agent.sessionId = 0;
      this.agent.sessionSignature = undefined;
    }
    if (wasOpen) this.host.sessionClosed(this, this.closeReason);
  }

  private onSocketClosed(): void {
    if (this.state !== 'closed') this.markClosed();
    this.host.log(`session ${this.id} (${this.remote}) disconnected: ${this.closeReason}`);
  }
}

function jsonBuffers(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') {
    return `<${((value as { data: number[] }).data ?? []).length} bytes>`;
  }
  return value;
}
