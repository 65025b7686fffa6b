/**
 * Every message accounted for. The simulator reports each message it writes to a client ('message-sent', per
 * server-side session); the client records each message it decodes, one segment per link (connection). A connection's received messages must be exactly what the simulator wrote to it, in order, each
 * once; only a tail of a connection that then broke may be missing, and only if the session declared the
 * outage (its next open says `eventsMayHaveBeenMissed`). Calls the simulator started while no connection was
 * up must fall inside such a declared outage too.
 */
import assert from 'node:assert/strict';
import type { CtiMessage } from '../../lib/protocol';
import type { CtiSession, SessionLinkInfo, SessionStateInfo } from '../../lib/session';
import type { CtiSimulator } from '../../lib/simulator';

/** What identifies a message within a connection (order does the rest). */
export function messageKey(m: CtiMessage): string {
  const r = m as Record<string, unknown>;
  return `${m.messageType}#${r.invokeId ?? ''}#${r.connectionCallId ?? ''}#${r.agentId ?? ''}#${r.agentState ?? ''}`;
}

/** Unsolicited messages: what a user calls "events" (answers to requests are not counted as events). */
export function isEvent(key: string): boolean {
  const type = key.slice(0, key.indexOf('#'));
  return !type.endsWith('_CONF');
}

interface SentConnection {
  id: string;
  keys: string[];
  /** When each was written (ms since epoch), as seen by this process. */
  at: number[];
}

/**
 * The simulator side: what each server-side session was sent, in order; and when the peripheral produced an
 * event that no session of the client could be sent (none open, or the server silenced).
 */
export class WireLedger {
  readonly connections: SentConnection[] = [];
  /** Times of events produced while the client had no open session (or the server was silent). */
  readonly unsent: Array<{ at: number; type: string }> = [];
  private readonly byId = new Map<string, SentConnection>();
  private readonly closed = new Set<string>();
  private readonly detach: Array<() => void> = [];

  /** Whether the server still has connection `connId` open. */
  isOpen(connId: string): boolean {
    return !this.closed.has(connId);
  }

  /** One message written to server-side session `connId` (e.g. "A:3"). */
  add(connId: string, key: string, at = Date.now()): void {
    let c = this.byId.get(connId);
    if (c === undefined) {
      c = { id: connId, keys: [], at: [] };
      this.byId.set(connId, c);
      this.connections.push(c);
    }
    c.keys.push(key);
    c.at.push(at);
  }

  addUnsent(at: number, type: string): void {
    this.unsent.push({ at, type });
  }

  /** Records what `sims` (in this process) send to sessions of `clientId`. */
  watch(sims: CtiSimulator[], clientId: string): this {
    const ours = (sim: CtiSimulator): boolean =>
      sim.sessions().some((i) => i.clientId === clientId) && !sim.faultState.silent && sim.isActive();
    const onModelEvent = (e: { msg: CtiMessage }): void => {
      if (!sims.some(ours)) this.addUnsent(Date.now(), e.msg.messageType);
    };
    sims[0].model.on('event', onModelEvent);
    this.detach.push(() => sims[0].model.off('event', onModelEvent));
    for (const sim of sims) {
      // OPEN_REQ names the client before it is answered: only that client's sessions are recorded.
      const mine = new Set<number>();
      const onRequest = (r: { sessionId: number; clientId?: string; messageType: string }): void => {
        if (r.messageType === 'OPEN_REQ' && r.clientId === clientId) mine.add(r.sessionId);
      };
      const onSent = ({ sessionId, message }: { sessionId: number; message: CtiMessage }): void => {
        if (mine.has(sessionId)) this.add(`${sim.side}:${sessionId}`, messageKey(message));
      };
      const onClose = (info: { id: number }): void => {
        this.closed.add(`${sim.side}:${info.id}`);
      };
      sim.on('request', onRequest);
      sim.on('message-sent', onSent);
      sim.on('session-close', onClose);
      this.detach.push(() => {
        sim.off('request', onRequest);
        sim.off('message-sent', onSent);
        sim.off('session-close', onClose);
      });
    }
    return this;
  }

  get sentEvents(): number {
    return this.connections.reduce((n, c) => n + c.keys.filter(isEvent).length, 0);
  }

  stop(): void {
    for (const d of this.detach.splice(0)) d();
  }
}

interface ReceivedSegment {
  keys: string[];
  at: number[];
}

/**
 * The client side: what the session decoded, one segment per link (the session's 'link-message' tap: a standby
 * session held on the other side, and taken over at a switchover, is one link from its OPEN_CONF on), and its
 * state changes.
 */
export class ClientRecord {
  readonly segments: ReceivedSegment[] = [];
  readonly states: SessionStateInfo[] = [];
  private readonly byLink = new Map<number, ReceivedSegment>();

  constructor(session: CtiSession) {
    session.on('state', (info: SessionStateInfo) => this.states.push(info));
    session.on('link-message', (msg: CtiMessage, link: SessionLinkInfo) => {
      let seg = this.byLink.get(link.id);
      if (seg === undefined) {
        seg = { keys: [], at: [] };
        this.byLink.set(link.id, seg);
        this.segments.push(seg);
      }
      seg.keys.push(messageKey(msg));
      seg.at.push(Date.now());
    });
  }

  get receivedEvents(): number {
    return this.segments.reduce((n, s) => n + s.keys.filter(isEvent).length, 0);
  }

  /** Opens that said events may have been missed. */
  get declaredOutages(): number {
    // An open → open event (a standby session held or lost) is no new open.
    return this.states.filter((s) => s.state === 'open' && s.previous !== 'open' && s.eventsMayHaveBeenMissed).length;
  }

  /** The first open at or after `t` says events may have been missed. */
  nextOpenDeclares(t: number): boolean {
    // An open → open event (a standby session held or lost) is no new open.
    const next = this.states.find((s) => s.state === 'open' && s.previous !== 'open' && s.at >= t);
    return next?.eventsMayHaveBeenMissed === true;
  }
}

export interface Accounting {
  /** Events the simulator wrote to this client, plus those it produced while the client was disconnected. */
  sent: number;
  /** Of those, received exactly once, in order. */
  delivered: number;
  /** Of those, lost in a connection that broke, inside an outage the session declared. */
  declaredMissed: number;
  /** Opens with eventsMayHaveBeenMissed. */
  declaredOutages: number;
  /** Everything that breaks the rule; empty when every event is accounted for. */
  problems: string[];
}

/**
 * Matches the client's segments to the simulator's connections (by the invokeId of the OPEN answer, which is
 * unique per attempt) and checks each. Call `settled()` first so nothing is still in flight.
 */
export function account(wire: WireLedger, client: ClientRecord): Accounting {
  const problems: string[] = [];
  const out: Accounting = {
    sent: 0,
    delivered: 0,
    declaredMissed: 0,
    declaredOutages: client.declaredOutages,
    problems,
  };
  const segments = client.segments.filter((s) => s.keys.length > 0);
  const segmentByOpen = new Map<string, ReceivedSegment>();
  for (const s of segments) {
    if (!/^(OPEN_CONF|FAILURE_CONF)#/.test(s.keys[0])) problems.push(`a connection began with ${s.keys[0]}`);
    if (segmentByOpen.has(s.keys[0])) problems.push(`two connections answered the same OPEN_REQ (${s.keys[0]})`);
    segmentByOpen.set(s.keys[0], s);
  }
  for (const c of wire.connections) {
    const sentEvents = c.keys.filter(isEvent).length;
    out.sent += sentEvents;
    const seg = segmentByOpen.get(c.keys[0]);
    segmentByOpen.delete(c.keys[0]);
    const got = seg?.keys ?? [];
    let same = 0;
    while (same < got.length && same < c.keys.length && got[same] === c.keys[same]) same++;
    if (same < got.length) {
      problems.push(
        `connection ${c.id}: received #${same} ${got[same]} but the server sent ${c.keys[same] ?? 'nothing more'}`,
      );
    }
    const deliveredHere = c.keys.slice(0, same).filter(isEvent).length;
    out.delivered += deliveredHere;
    const lost = c.keys.slice(same);
    const lostEvents = lost.filter(isEvent).length;
    if (lostEvents === 0) continue;
    // A tail lost with a broken connection is allowed only if a later open declared it.
    const brokeAt = seg?.at[seg.at.length - 1] ?? 0;
    if (client.nextOpenDeclares(brokeAt)) out.declaredMissed += lostEvents;
    else problems.push(`connection ${c.id}: ${lostEvents} events lost and no outage declared (first ${lost[0]})`);
  }
  for (const [first] of segmentByOpen) problems.push(`received a connection the server never sent (${first})`);
  // Events produced while nothing was connected: the next open must declare them.
  for (const { at, type } of wire.unsent) {
    if (client.nextOpenDeclares(at)) out.declaredMissed++;
    else
      problems.push(`${type} produced at ${new Date(at).toISOString()} with no connection up and no outage declared`);
  }
  out.sent += wire.unsent.length;
  return out;
}

/** One line of figures for the report. */
export function figures(name: string, a: Accounting, extra = ''): string {
  return (
    `      ${name}: sent ${a.sent} events, delivered ${a.delivered}, lost inside declared outages ${a.declaredMissed} ` +
    `(${a.declaredOutages} declared)${extra ? `; ${extra}` : ''}`
  );
}

/** `CALL_DELIVERED_EVENT#16777301`: the part of a key a flow can see in a cti-event message. */
export function flowKey(type: string, connectionCallId: unknown): string {
  return `${type}#${connectionCallId ?? ''}`;
}

function flowKeyOf(key: string): string {
  const [type, , callId] = key.split('#');
  return flowKey(type, callId);
}

/** An open a flow's cti-status node reported: when, and whether it said events may have been missed. */
export interface FlowOpen {
  at: number;
  declared: boolean;
}

/**
 * The same rule for what a flow received through a cti-event node (`received`: flowKey of each message, in
 * order, only the types in `types`), with the opens its cti-status node reported: the received list must be,
 * connection after connection, a prefix of what the server sent on each (so nothing twice, nothing out of
 * order); a cut-off tail, or events produced with no connection, only if an outage was declared — given `opens`
 * (with times), by the first open after the first event lost; given a count, by any declared outage.
 */
export function accountFlow(
  wire: WireLedger,
  received: string[],
  types: ReadonlySet<string>,
  declared: number | readonly FlowOpen[],
): Accounting {
  const problems: string[] = [];
  const declaredOutages = typeof declared === 'number' ? declared : declared.filter((o) => o.declared).length;
  const declaresAfter = (t: number): boolean =>
    typeof declared === 'number' ? declared > 0 : declared.find((o) => o.at >= t)?.declared === true;
  const out: Accounting = { sent: 0, delivered: 0, declaredMissed: 0, declaredOutages, problems };
  let p = 0;
  for (const c of wire.connections) {
    const picked = c.keys.flatMap((k, i) => (types.has(k.slice(0, k.indexOf('#'))) ? [i] : []));
    const keys = picked.map((i) => flowKeyOf(c.keys[i]));
    out.sent += keys.length;
    let i = 0;
    while (i < keys.length && p < received.length && received[p] === keys[i]) {
      i++;
      p++;
    }
    out.delivered += i;
    const lost = keys.length - i;
    if (lost === 0) continue;
    if (declaresAfter(c.at[picked[i]])) out.declaredMissed += lost;
    else problems.push(`connection ${c.id}: ${lost} events lost and no outage declared (first ${keys[i]})`);
  }
  if (p < received.length)
    problems.push(`received ${received[p]} (#${p}) that the server did not send there, or twice`);
  for (const u of wire.unsent) {
    if (!types.has(u.type)) continue;
    out.sent++;
    if (declaresAfter(u.at)) out.declaredMissed++;
    else
      problems.push(`${u.type} produced at ${new Date(u.at).toISOString()} with no connection and no outage declared`);
  }
  return out;
}

/** Once open, the session stayed open until close() was called (no dead link, no reconnect). */
export function assertNeverLeftOpen(rec: ClientRecord): void {
  const states = rec.states.map((i) => i.state);
  const from = states.indexOf('open');
  const to = states.indexOf('closing');
  assert.ok(from >= 0, 'never opened');
  assert.deepEqual(
    states.slice(from, to < 0 ? undefined : to),
    ['open'],
    `never left open: ${rec.states.map((i) => `${i.state} (${i.reason})`).join(' → ')}`,
  );
}
