/**
 * cti-request: call control and agent state from a message. The request is chosen in the editor or by
 * msg.topic; the call comes from msg.call (a cti-event message) or msg.payload.connectionCallId …;
 * output the msg with payload = the CONF, topic = its message type and request = the request sent. Failures go to
 * done(err) → Catch nodes, once.
 */
import type { Node, NodeAPI, NodeDef, NodeMessage, NodeMessageInFlow } from 'node-red';
import { withEnumNames, type CtiMessage } from '../lib/protocol';
import { getServer } from './lib/server-api';
import { wireRequestNode, type RequestOutcome } from './lib/request-node';
import { findCallAddress, pickPeripheralId } from './lib/call-address';
import { callDataFromPayload } from './lib/call-data-input';
import { failure } from './lib/errors';
import {
  REQUEST_PARAM_KEYS,
  REQUEST_TYPES,
  buildRequest,
  resolveRequestName,
  type RequestParams,
} from './lib/requests';
import { evaluateTyped, typedFromConfig, type TypedValue } from './lib/typed-values';
import { migrateConfig } from './lib/migrations';

interface CtiRequestConfig extends NodeDef {
  server: string;
  request?: string;
  [key: string]: unknown;
}

/** Editor fields that are typed inputs (value + <name>Type). */
const TYPED_PARAMS = [
  'dialedNumber',
  'agentInstrument',
  'agentId',
  'agentExtension',
  'agentState',
  'reasonCode',
  'consultType',
  'dtmfString',
] as const;

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => v !== null && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);

/**
 * The services a request needs: agent state requests also work on an AGENT_STATE_CONTROL_ONLY session.
 * Unsure: the guide lists SET_AGENT_STATE / QUERY_AGENT_STATE under Client Control and says AGENT_STATE_CONTROL_ONLY
 * allows agent state changes; chose to accept either for those two.
 */
function servicesFor(request: string): string[] {
  // Statistics are the Miscellaneous service, which every session has.
  if (request === 'query-skill-group-statistics' || request === 'query-agent-statistics') return [];
  return request === 'set-agent-state' || request === 'query-agent-state'
    ? ['CLIENT_CONTROL', 'AGENT_STATE_CONTROL_ONLY']
    : ['CLIENT_CONTROL'];
}

export = function (RED: NodeAPI): void {
  function CtiRequestNode(this: Node, config: CtiRequestConfig): void {
    config = migrateConfig('cti-request', config);
    RED.nodes.createNode(this, config);
    const node = this;
    const configured = typeof config.request === 'string' ? config.request : '';
    const timeoutSeconds = Number(config.timeout);
    const timeoutMs =
      config.timeout !== undefined && config.timeout !== '' && timeoutSeconds > 0 ? timeoutSeconds * 1000 : undefined;
    const typed = new Map<string, TypedValue>();
    for (const k of TYPED_PARAMS) {
      const tv = typedFromConfig(config, k);
      if (tv) typed.set(k, tv);
    }

    const server = getServer(RED, node, config.server, 'cti-request.errors.missing-config');
    if (!server) return;

    async function params(msg: NodeMessage): Promise<RequestParams> {
      const payload = isBag(msg.payload) && typeof msg.payload.messageType !== 'string' ? msg.payload : {};
      const p: RequestParams = { callData: callDataFromPayload(msg.payload) };
      for (const k of REQUEST_PARAM_KEYS) if (payload[k] !== undefined) p[k] = payload[k];
      for (const [k, tv] of typed) {
        const v = await evaluateTyped(RED, node, tv, msg, k);
        if (v !== undefined) p[k as keyof Omit<RequestParams, 'callData'>] = v;
      }
      return p;
    }

    async function handle(msg: NodeMessageInFlow): Promise<RequestOutcome> {
      const m = msg as Bag;
      const name = resolveRequestName(configured, msg.topic);
      const p = await params(msg);
      const address = findCallAddress(m);
      const peripheralId = pickPeripheralId(m, address, server!.configuredPeripheralId());
      const request = buildRequest(name, m, p, peripheralId, server!.protocolVersion());
      let conf;
      try {
        conf = await server!.request(request, timeoutMs);
      } catch (err) {
        throw failure(REQUEST_TYPES[name].replace(/_REQ$/, ''), err);
      }
      const answer = withEnumNames(conf);
      msg.payload = answer;
      msg.topic = String(answer.messageType);
      // What was asked for, beside the answer (the CONF alone often does not say: HOLD_CALL_CONF has no fields).
      // The agent's password is a secret: it does not travel on with the message.
      const sent: CtiMessage = { ...request };
      delete sent.agentPassword;
      (msg as Bag).request = withEnumNames(sent);
      return { msg, summary: String(answer.messageType) };
    }

    wireRequestNode(RED, node, server, { needs: servicesFor(configured), handle });
  }

  RED.nodes.registerType('cti-request', CtiRequestNode as unknown as Parameters<typeof RED.nodes.registerType>[1]);
};
