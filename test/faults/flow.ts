/**
 * The node-level cases' Node-RED flow: a cti-server, a cti-event node passing every call event to a probe, a
 * cti-status node reporting to another probe, and a function node that can block the event loop (a heavy
 * synchronous parse, a busy loop — it happens in real flows).
 */
import type { EventEmitter } from 'node:events';
import type { NodeMessage } from 'node-red';
import { CALL_EVENTS } from '../../nodes/lib/event-types';
import { helper, NODES, serverNode, type CtiSimulator } from '../nodes/harness';
import { resolveFromNodeRed } from '../support/node-red-runtime';
import { flowKey, type FlowOpen, type WireLedger } from './ledger';
import { when } from './settle';

const functionNode = require(resolveFromNodeRed('@node-red/nodes/core/function/10-function.js'));

export const FLOW_TYPES: ReadonlySet<string> = new Set(CALL_EVENTS);

type Msg = NodeMessage & Record<string, unknown>;

export interface FaultFlow {
  /** flowKey of every call event the flow received, in order. */
  readonly received: string[];
  /** For each of those: its msg.call.restated ('known' / 'new': a replay of a call's state after a switchover). */
  readonly restated: Array<string | undefined>;
  /** For each of those: type#ConnectionCallID#LocalConnectionState — what "the same event twice" means to a flow. */
  readonly what: string[];
  /**
   * ConnectionCallIDs of the END_CALL_EVENTs the session inferred for calls that ended while the link was down
   * (`msg.call.endedWhileDown`, lib/calls/stale-sweep.ts): not sent by a server, so kept out of `received`.
   */
  readonly endedWhileDown: number[];
  /** Every cti-status payload. */
  readonly statuses: Array<Record<string, unknown>>;
  /** Opens that said events may have been missed. */
  readonly declaredOutages: number;
  /** Every open after a state that was not open, in order, with its time (for accountFlow). */
  readonly opens: FlowOpen[];
  /** Resolves once `n` more call events have arrived. */
  events(n: number, timeoutMs?: number): Promise<void>;
  /** Resolves on the next cti-status payload that passes `accept`. */
  status(accept: (p: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves once `done()` holds, checked on each call event. */
  until(done: () => boolean, timeoutMs?: number): Promise<void>;
  /** Blocks Node-RED's event loop for `ms` inside the function node. */
  block(ms: number): void;
  /**
   * Drops the test helper's record of every node.send / status call so far. The helper spies on Node.prototype and
   * keeps each call (arguments and a captured stack) until unload: at hundreds of messages a second that record,
   * not the package, fills the heap, and the garbage collector's pauses would be measured as the package's gaps.
   */
  forgetHelperHistory(): void;
}

/** Deploys the flow against `sim.port`; `server` overrides cti-server properties (heartbeat 5 s, the minimum). */
export async function deployFaultFlow(
  sim: Pick<CtiSimulator, 'port'>,
  server: Record<string, unknown> = {},
): Promise<FaultFlow> {
  const flow = [
    { id: 'f1', type: 'tab' },
    { ...serverNode(sim as CtiSimulator, { heartbeat: 5, clientId: 'faults-flow', ...server }), z: 'f1' },
    { id: 'ev', type: 'cti-event', z: 'f1', server: 'srv', events: [...FLOW_TYPES], wires: [['events']] },
    { id: 'events', type: 'helper', z: 'f1' },
    { id: 'st', type: 'cti-status', z: 'f1', server: 'srv', wires: [['states']] },
    { id: 'states', type: 'helper', z: 'f1' },
    {
      id: 'blocker',
      type: 'function',
      z: 'f1',
      name: 'heavy synchronous work',
      func: 'const end = Date.now() + msg.payload;\nwhile (Date.now() < end) {}\nreturn null;',
      outputs: 1,
      wires: [[]],
    },
  ];
  await helper.load([...NODES, functionNode], flow);
  const eventsNode = helper.getNode('events') as EventEmitter;
  const statesNode = helper.getNode('states') as EventEmitter;
  const received: string[] = [];
  const restated: Array<string | undefined> = [];
  const what: string[] = [];
  const endedWhileDown: number[] = [];
  const statuses: Array<Record<string, unknown>> = [];
  eventsNode.on('input', (m: Msg) => {
    if ((m.call as { endedWhileDown?: boolean } | undefined)?.endedWhileDown === true) {
      endedWhileDown.push((m.payload as { connectionCallId: number }).connectionCallId);
      return;
    }
    received.push(flowKey(String(m.topic), (m.payload as Record<string, unknown>).connectionCallId));
    restated.push((m.call as { restated?: string } | undefined)?.restated);
    const p = m.payload as Record<string, unknown>;
    what.push(`${String(m.topic)}#${String(p.connectionCallId)}#${String(p.localConnectionState ?? '')}`);
  });
  statesNode.on('input', (m: Msg) => statuses.push(m.payload as Record<string, unknown>));

  return {
    received,
    restated,
    what,
    endedWhileDown,
    statuses,
    get declaredOutages() {
      return statuses.filter((p) => p.state === 'open' && p.eventsMayHaveBeenMissed === true).length;
    },
    get opens() {
      return statuses
        .filter((p) => p.state === 'open' && p.previous !== 'open' && p.replay !== true)
        .map((p) => ({ at: p.at as number, declared: p.eventsMayHaveBeenMissed === true }));
    },
    events(n, timeoutMs = 15000) {
      const target = received.length + n;
      return when(eventsNode, 'input', () => received.length >= target, `${n} call events`, timeoutMs);
    },
    async status(accept, timeoutMs = 15000) {
      const from = statuses.length;
      const found = (): Record<string, unknown> | undefined => statuses.slice(from).find(accept);
      await when(statesNode, 'input', () => found() !== undefined, 'cti-status', timeoutMs);
      return found()!;
    },
    until(done, timeoutMs = 15000) {
      return when(eventsNode, 'input', done, 'flow condition', timeoutMs);
    },
    block(ms) {
      helper.getNode('blocker').receive({ payload: ms });
    },
    forgetHelperHistory() {
      const proto = Object.getPrototypeOf(helper.getNode('events')) as Record<string, { resetHistory?(): void }>;
      for (const m of ['send', 'status']) proto[m]?.resetHistory?.();
    },
  };
}

/** The last connection's call events all arrived (the stream stopped first). */
export function flowCaughtUp(flow: FaultFlow, wire: WireLedger): () => boolean {
  return () => {
    const last = wire.connections[wire.connections.length - 1];
    if (last === undefined) return false;
    const keys = last.keys
      .filter((k) => FLOW_TYPES.has(k.slice(0, k.indexOf('#'))))
      .map((k) => {
        const [type, , callId] = k.split('#');
        return `${type}#${callId}`;
      });
    return keys.length === 0 || flow.received.slice(-keys.length).join() === keys.join();
  };
}
