/**
 * A FlowFuse Dashboard 2.0 plugin (type "node-red-dashboard-2"): the signed-in user in `msg._client.user` of every
 * message a dashboard page sends, so that a flow (the agent page example) can refuse pops and requests for agents
 * the user is not. Dashboard 2.0 itself knows no users: a platform (FlowFuse's user plugin) or a plugin like this
 * one adds them through the `onAddConnectionCredentials(conn, msg)` hook, from the page's socket.io connection.
 *
 * Where the user comes from: a header that the site's sign-in proxy sets on every request it lets through
 * (settings.js `ciscoCti: { dashboardUserHeader: 'x-forwarded-user' }`), read from the socket's handshake
 * request. Off unless that setting is there: a header is only an identity when nothing but the proxy can reach
 * Node-RED (uiHost 127.0.0.1 or a firewall) — otherwise anyone could send it. A user a platform plugin already
 * put into `msg._client.user` is left as it is.
 */
import type { NodeAPI } from 'node-red';
import { userFromHeaders } from './lib/dashboard-user';

interface DashboardConnection {
  handshake?: { headers?: Record<string, string | string[] | undefined> };
}
type ClientMessage = Record<string, unknown> & { _client?: Record<string, unknown> };
interface PluginApi {
  registerPlugin(id: string, definition: Record<string, unknown>): void;
}

export = function (RED: NodeAPI): void {
  const settings = (RED.settings as unknown as { ciscoCti?: { dashboardUserHeader?: unknown } }).ciscoCti;
  const header = settings?.dashboardUserHeader;
  const plugins = (RED as unknown as { plugins?: PluginApi }).plugins;
  if (plugins === undefined) return; // Node-RED before plugins: nothing to add to
  plugins.registerPlugin('cti-dashboard-user', {
    type: 'node-red-dashboard-2',
    hooks: {
      onAddConnectionCredentials(conn: DashboardConnection, msg: ClientMessage): ClientMessage {
        if (msg._client?.user !== undefined) return msg;
        const user = userFromHeaders(conn?.handshake?.headers, header);
        if (user === undefined) return msg;
        msg._client = { ...msg._client, user: { userId: user, username: user } };
        return msg;
      },
    },
  });
};
