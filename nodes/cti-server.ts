/**
 * cti-server: the config node. It owns ONE CtiSession, shared by every flow node that names it, with the MQTT
 * broker node's register/deregister pattern. The node is wired here from its parts in nodes/lib/server/, each
 * readable on its own:
 * - configuration.ts — the editor properties, credentials and settings file → session and recorder options;
 * - owner.ts — session ownership: opening, closing, restarting the session, events out, requests in;
 * - users.ts — the user registry (the flow nodes that use the server);
 * - status.ts — the session state as the nodes show it, and its listeners;
 * - logging.ts — what the Node-RED log says, once per fault;
 * - recording.ts — the "record to file" option;
 * - ha.ts — the active/standby pair over an MQTT broker (README "Scaling out"); handover.ts — what the next owner
 *   is told, and the rebuild after a takeover (rebuild.ts);
 * - config-acquisition.ts — the configuration (names of skill groups and agents), asked for once per open session
 *   while a user needs it, shared by every user, and what the CTI Server granted.
 */
import type { NodeAPI, NodeDef } from 'node-red';
import { translator, useRuntimeTranslator } from './lib/i18n';
import { migrateConfig } from './lib/migrations';
import type { CtiServerNode } from './lib/server-api';
import type { CtiServerConfig } from './lib/server-config';
import { ConfigAcquisition } from './lib/server/config-acquisition';
import { ServerConfiguration } from './lib/server/configuration';
import { ServerLog } from './lib/server/logging';
import { SessionOwner } from './lib/server/owner';
import { ServerRecording } from './lib/server/recording';
import { ServerStatus } from './lib/server/status';
import { UserRegistry } from './lib/server/users';

export = function (RED: NodeAPI): void {
  const redUnderscore = (key: string, params?: Record<string, string>): string => RED._(key, params);
  useRuntimeTranslator(redUnderscore);
  const t = translator(redUnderscore);

  function CtiServerNodeCtor(this: CtiServerNode, def: NodeDef & CtiServerConfig): void {
    const config = migrateConfig('cti-server', def);
    RED.nodes.createNode(this, config);
    const node = this;
    const credentials = (node.credentials ?? {}) as { password?: string; haUsername?: string; haPassword?: string };
    const configuration = new ServerConfiguration(RED, config, credentials.password, t, credentials);
    const log = new ServerLog(node, t, configuration.reasonContext, configuration.relogMs);
    const users = new UserRegistry(RED);
    const status = new ServerStatus(
      t,
      configuration.reasonContext,
      (s) => users.paint(s),
      (err) => log.stateListenerFailed(err),
    );
    const recording = new ServerRecording(node, t);
    // The owner sends the request (called only once a session is open, so after `owner` exists); the owner tells
    // the acquisition of every state and message.
    const acquisition: ConfigAcquisition = new ConfigAcquisition({
      notify: (message): boolean => owner.notify(message),
      peripheralId: () => configuration.peripheralId(),
      ended: (info) => log.configurationAcquired(info),
    });
    status.configurationView = () => acquisition.view();
    const owner: SessionOwner = new SessionOwner({
      config: configuration,
      status,
      log,
      recording,
      users,
      t,
      acquisition,
    });
    try {
      owner.joinPair();
    } catch (err) {
      // A pair that cannot be joined must not open the session alone: it would fight the other member.
      owner.refuse(err);
    }

    node.register = (user) => owner.register(user);
    node.deregister = (user, done, removed) => owner.deregister(user, done, removed);
    node.subscribe = (listener) => owner.subscribe(listener);
    node.onState = (listener) => status.onState(listener);
    node.request = (message, timeoutMs) => owner.request(message, timeoutMs);
    node.notify = (message) => owner.notify(message);
    node.currentState = () => owner.currentState();
    node.needConfiguration = () => acquisition.need();
    node.configurationNames = () => acquisition.names;
    node.teamConfigs = () => acquisition.teams;
    node.onConfiguration = (listener) => acquisition.onChange(listener);
    node.tracked = () => owner.tracked();
    node.rebuilding = () => owner.rebuilding();
    node.protocolVersion = () => owner.protocolVersion();
    node.configuredPeripheralId = () => configuration.peripheralId();
    node.label = () => configuration.label;
    node.requestedServices = () => configuration.requestedServices();
    node.listenerCounts = () => owner.listenerCounts();

    node.on('close', (done: () => void) => {
      owner.stop().then(
        () => done(),
        () => done(),
      );
    });
  }

  RED.nodes.registerType('cti-server', CtiServerNodeCtor as unknown as Parameters<typeof RED.nodes.registerType>[1], {
    credentials: { password: { type: 'password' }, haUsername: { type: 'text' }, haPassword: { type: 'password' } },
  });
};
