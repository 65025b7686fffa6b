/**
 * cti-set-call-data: input msg → SET_CALL_DATA_REQ for the call in msg.call (or msg.payload.connectionCallId …);
 * output the msg with payload = SET_CALL_DATA_CONF, topic "SET_CALL_DATA_CONF" and written = the values sent.
 * Failures go to done(err) → Catch nodes, once.
 */
import type { Node, NodeAPI, NodeDef, NodeMessage, NodeMessageInFlow } from 'node-red';
import { withEnumNames } from '../lib/protocol';
import { getServer } from './lib/server-api';
import { wireRequestNode, type RequestOutcome } from './lib/request-node';
import { pickPeripheralId, requireCallAddress } from './lib/call-address';
import {
  CALL_DATA_TEXT_FIELDS,
  callDataFromPayload,
  describeWritten,
  isEmpty,
  mergeCallData,
  summariseNames,
  toCallDataFields,
  type RawCallData,
} from './lib/call-data-input';
import { InputError, failure } from './lib/errors';
import { translator } from './lib/status';
import { evaluateTyped, typedFromConfig, type TypedValue } from './lib/typed-values';
import { migrateConfig } from './lib/migrations';

interface EccRow {
  name?: string;
  value?: string;
  valueType?: string;
}

interface CtiSetCallDataConfig extends NodeDef {
  server: string;
  ecc?: EccRow[];
  [key: string]: unknown;
}

export = function (RED: NodeAPI): void {
  function CtiSetCallDataNode(this: Node, config: CtiSetCallDataConfig): void {
    config = migrateConfig('cti-set-call-data', config);
    RED.nodes.createNode(this, config);
    const node = this;
    const t = translator(RED._.bind(RED));
    const typed = new Map<string, TypedValue>();
    for (const f of CALL_DATA_TEXT_FIELDS) {
      const tv = typedFromConfig(config, f);
      if (tv) typed.set(f, tv);
    }
    const eccRows: Array<{ name: string; tv: TypedValue }> = [];
    for (const row of Array.isArray(config.ecc) ? config.ecc : []) {
      const name = typeof row?.name === 'string' ? row.name.trim() : '';
      if (name === '') continue;
      eccRows.push({
        name,
        tv: { value: row.value === undefined ? '' : String(row.value), type: row.valueType || 'str' },
      });
    }

    const server = getServer(RED, node, config.server, 'cti-set-call-data.errors.missing-config');
    if (!server) return;

    async function editorValues(msg: NodeMessage): Promise<RawCallData> {
      const raw: RawCallData = { text: {}, ecc: {} };
      for (const [f, tv] of typed)
        raw.text[f as keyof RawCallData['text']] = await evaluateTyped(RED, node, tv, msg, f);
      for (const { name, tv } of eccRows) {
        const v = await evaluateTyped(RED, node, tv, msg, `ECC variable "${name}"`);
        if (v !== undefined) raw.ecc[name] = v;
      }
      return raw;
    }

    async function handle(msg: NodeMessageInFlow): Promise<RequestOutcome> {
      const m = msg as Record<string, unknown>;
      const address = requireCallAddress(m);
      const version = server!.protocolVersion();
      const raw = mergeCallData(await editorValues(msg), callDataFromPayload(msg.payload));
      if (isEmpty(raw)) {
        throw new InputError(
          'nothing to set: no call variable, ECC variable, wrap-up data or customer number was given',
        );
      }
      const fields = toCallDataFields(raw, 'SET_CALL_DATA_REQ', version);
      const peripheralId = pickPeripheralId(m, address, server!.configuredPeripheralId());
      if (peripheralId === undefined) {
        throw new InputError(
          'no peripheral ID: set it on the CTI server node, or send a message from a CTI event node (msg.call)',
        );
      }
      let conf;
      try {
        conf = await server!.request({
          messageType: 'SET_CALL_DATA_REQ',
          peripheralId,
          connectionDeviceIdType: address.connectionDeviceIdType,
          connectionCallId: address.connectionCallId,
          connectionDeviceId: address.connectionDeviceId,
          // Unsure: the guide does not say what CallType / CalledPartyDisposition 0 do; chose 0 = "leave unchanged".
          callType: 0,
          calledPartyDisposition: 0,
          campaignId: 0,
          queryRuleId: 0,
          ...fields,
        });
      } catch (err) {
        throw failure('SET_CALL_DATA', err);
      }
      const { written, names } = describeWritten(fields);
      msg.payload = withEnumNames(conf);
      msg.topic = 'SET_CALL_DATA_CONF';
      (msg as Record<string, unknown>).written = written;
      const list = summariseNames(names);
      return { msg, summary: t('cti-set-call-data.status.wrote', { fields: list }, `wrote ${list}`) };
    }

    wireRequestNode(RED, node, server, { needs: ['CALL_DATA_UPDATE'], handle });
  }

  RED.nodes.registerType(
    'cti-set-call-data',
    CtiSetCallDataNode as unknown as Parameters<typeof RED.nodes.registerType>[1],
  );
};
