/**
 * The input/close wiring shared by the nodes that turn a message into a CTI request: the answer is sent on,
 * a failure goes to done(err) only (so a Catch node sees it once), and the node leaves the session on close.
 */
import type { Node, NodeMessage, NodeMessageInFlow } from 'node-red';
import type { CtiServerNode } from './server-api';

export function wireRequestNode(
  node: Node,
  server: CtiServerNode,
  handle: (msg: NodeMessageInFlow) => Promise<NodeMessage>,
): void {
  node.on('input', (msg, send, done) => {
    handle(msg).then(
      (out) => {
        send(out);
        done();
      },
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
    );
  });
  server.register(node);
  node.on('close', (removed: boolean, done: () => void) => {
    server.deregister(node, done, removed);
  });
}
