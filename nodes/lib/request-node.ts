/**
 * The input/close wiring shared by the nodes that turn a message into a CTI request: the answer is sent on,
 * a failure goes to done(err) only (so a Catch node sees it once), and the node leaves the session on close.
 * The node's status shows the session state, the last result ("wrote var3 · 12:01:05", red on failure) and,
 * while the session is open, a yellow warning when the server does not ask for the service the node needs.
 */
import type { Node, NodeAPI, NodeMessage, NodeMessageInFlow, NodeStatus } from 'node-red';
import type { CtiServerNode } from './server-api';
import { translator } from './status';
import { shortFailure } from './errors';

/** What a handled message produced: the message to send on, and a few words for the status. */
export interface RequestOutcome {
  msg: NodeMessage;
  summary: string;
}

export interface RequestNodeSpec {
  /** Services the requests need; any one of them will do (the first is named in the warning). */
  needs: string[];
  handle: (msg: NodeMessageInFlow) => Promise<RequestOutcome>;
}

/** hh:mm:ss in the Node-RED host's local time, as the debug sidebar shows times. */
function clock(at = new Date()): string {
  return at.toTimeString().slice(0, 8);
}

/** The first of `needs` the server does not ask for, when it asks for none of them; undefined when it is fine. */
export function missingService(server: CtiServerNode, needs: string[]): string | undefined {
  if (typeof server.requestedServices !== 'function' || needs.length === 0) return undefined;
  const requested = server.requestedServices();
  return needs.some((s) => requested.includes(s)) ? undefined : needs[0];
}

export function wireRequestNode(RED: NodeAPI, node: Node, server: CtiServerNode, spec: RequestNodeSpec): void {
  const t = translator(RED._.bind(RED));
  const prefix = node.type;
  const lacking = missingService(server, spec.needs);
  const lackingStatus: NodeStatus | undefined =
    lacking === undefined
      ? undefined
      : {
          fill: 'yellow',
          shape: 'ring',
          text: t(`${prefix}.status.lacks-service`, { service: lacking }, `server lacks ${lacking} service`),
        };
  if (lacking !== undefined) {
    node.warn(
      t(
        `${prefix}.errors.lacks-service`,
        { service: lacking },
        `the CTI server does not ask for the ${lacking} service: tick it in the server's Services, or every request fails`,
      ),
    );
  }

  function show(status: NodeStatus): void {
    try {
      node.status(status);
    } catch {
      // A status that cannot be shown must not fail the message.
    }
  }

  node.on('input', (msg, send, done) => {
    spec.handle(msg).then(
      (out) => {
        show({
          fill: 'green',
          shape: 'dot',
          text: t(`${prefix}.status.done`, { summary: out.summary, time: clock() }, `${out.summary} · ${clock()}`),
        });
        send(out.msg);
        done();
      },
      (err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        const reason = shortFailure(e);
        show({
          fill: 'red',
          shape: 'dot',
          text: t(`${prefix}.status.failed`, { reason, time: clock() }, `${reason} · ${clock()}`),
        });
        done(e);
      },
    );
  });
  server.register(node);
  // The server paints every user's status on each session state before it tells its state listeners, so a
  // warning set here stays on top of the green "connected".
  const offState =
    lackingStatus === undefined
      ? undefined
      : server.onState((view) => {
          if (view.state === 'open') show(lackingStatus);
        });
  if (lackingStatus !== undefined && server.currentState().state === 'open') show(lackingStatus);
  node.on('close', (removed: boolean, done: () => void) => {
    offState?.();
    server.deregister(node, done, removed);
  });
}
