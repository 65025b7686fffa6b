/**
 * cti-server, part "user registry": the flow nodes that use the server, as core's MQTT broker node keeps them.
 * Each user shows the session's status from the moment it registers; a user that cannot take a status does not
 * stop the others from getting it.
 */
import type { Node, NodeAPI, NodeStatus } from 'node-red';
import { DISCONNECTED_STATUS } from '../server-api';

export class UserRegistry {
  private readonly users = new Map<string, Node>();
  private afterDeployCheck: (() => void) | undefined;

  constructor(private readonly RED: NodeAPI) {}

  get size(): number {
    return this.users.size;
  }

  /** Adds a user and shows it `status`; true when it is the first one. */
  add(user: Node, status: NodeStatus): boolean {
    this.users.set(user.id, user);
    show(user, status);
    return this.users.size === 1;
  }

  /** Removes a user, which shows "disconnected" from now on. */
  remove(user: Node): void {
    show(user, DISCONNECTED_STATUS);
    this.users.delete(user.id);
  }

  paint(status: NodeStatus): void {
    for (const user of this.users.values()) show(user, status);
  }

  /**
   * Calls `ifNone` after the running deploy has started the flows, if no user has come back by then. An edited
   * user normally re-registers when the deploy starts it again (node-red PR #3966), but an edit may also point it
   * at another config node; then nobody comes back. A runtime without RED.events keeps the plain MQTT behaviour.
   */
  whenDeployed(ifNone: () => void): void {
    if (this.afterDeployCheck !== undefined || typeof this.RED.events?.once !== 'function') return;
    const check = (): void => {
      this.afterDeployCheck = undefined;
      if (this.users.size === 0) ifNone();
    };
    this.afterDeployCheck = check;
    this.RED.events.once('flows:started', check);
  }

  cancelDeployCheck(): void {
    if (this.afterDeployCheck !== undefined) this.RED.events.removeListener('flows:started', this.afterDeployCheck);
    this.afterDeployCheck = undefined;
  }
}

function show(user: Node, status: NodeStatus): void {
  try {
    user.status(status);
  } catch {
    // A user that cannot take a status must not stop the others from getting it.
  }
}
