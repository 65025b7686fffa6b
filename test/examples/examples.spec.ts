/**
 * Every examples/*.json flow, loaded into a real Node-RED runtime against the CTI simulator over TCP: the
 * simulator drives calls and the test checks what the example's debug nodes would show, what reached the
 * simulator (SET_CALL_DATA, call control) and what the flow wrote (CSV file, HTTP endpoints).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AgentState, LocalConnectionState, ServiceMask } from '../../lib/protocol';
import { CtiSimulator } from '../../lib/simulator';
import {
  HttpNodeServer,
  OUR_TYPES,
  Probe,
  exampleNames,
  getJson,
  helper,
  modulesFor,
  prepareFlow,
  probeId,
  readExample,
  simulatorCommands,
  waitForEvent,
  type Msg,
} from './example-harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
type RequestInfo = { messageType: string; message: Msg };

describe('examples', function () {
  this.timeout(30000);

  describe('files', function () {
    const names = exampleNames();

    it('are the eight documented examples', function () {
      assert.deepStrictEqual(names, [
        'Agent desktop - Client Events',
        'Agent state board',
        'CRM screen-pop on call delivered',
        'Call control - answer hold transfer',
        'Call log to CSV file',
        'DNIS routing and call-data write-back',
        'ECC variables read and write',
        'Session status alerting',
      ]);
    });

    for (const name of names) {
      it(`"${name}" is a flat array that starts with a comment and connects to the local simulator`, function () {
        const flow = readExample(name);
        assert.ok(Array.isArray(flow), 'a JSON array');
        assert.strictEqual(flow[0].type, 'comment');
        assert.ok(String(flow[0].info).length > 80, 'the comment explains the example');
        assert.ok(
          flow.every((n) => n.type !== 'tab' && n.z === undefined),
          'no tab: imports into the current flow',
        );
        const servers = flow.filter((n) => n.type === 'cti-server');
        assert.strictEqual(servers.length, 1);
        const s = servers[0];
        assert.strictEqual(s.hostA, '127.0.0.1');
        assert.strictEqual(Number(s.portA), 42027);
        // Every example is a bridge (ALL_EVENTS) on the shared config node, except the agent desktop: a Client
        // Events session for one agent, on its own config node (the simulator refuses Client Events without them).
        const clientEvents = (s.services as string[]).includes('CLIENT_EVENTS');
        const mainService = clientEvents ? 'CLIENT_EVENTS' : 'ALL_EVENTS';
        for (const svc of [mainService, 'CALL_DATA_UPDATE', 'CLIENT_CONTROL'])
          assert.ok((s.services as string[]).includes(svc), svc);
        if (clientEvents) {
          assert.notStrictEqual(s.id, 'cti-sim-localhost', 'a Client Events server is not the shared ALL_EVENTS one');
          assert.ok(!(s.services as string[]).includes('ALL_EVENTS'), 'one agent, not a bridge');
          assert.strictEqual(Number(s.peripheralId), 5000, 'Client Events names the peripheral');
          assert.ok(s.agentId || s.agentExtension || s.agentInstrument, 'Client Events names the agent');
        } else {
          assert.strictEqual(s.id, 'cti-sim-localhost', 'bridges share one config node');
        }
        assert.ok(!('credentials' in s), 'no credentials in an example');
        for (const n of flow.filter((x) => OUR_TYPES.includes(x.type) && x.type !== 'cti-server')) {
          assert.strictEqual(n.server, s.id, `${n.id} uses the example's server`);
        }
        const ids = flow.map((n) => n.id);
        assert.strictEqual(new Set(ids).size, ids.length, 'unique ids');
      });
    }

    it('together use every non-config node type of the package', function () {
      const used = new Set(names.flatMap((n) => readExample(n).map((x) => x.type)));
      for (const t of OUR_TYPES.filter((x) => x !== 'cti-server')) assert.ok(used.has(t), `${t} appears in an example`);
    });

    it('name their nodes distinctly across all examples (the debug sidebar names the node)', function () {
      const seen = new Map<string, string>();
      for (const name of names) {
        for (const n of readExample(name)) {
          if (n.type === 'cti-server' || typeof n.name !== 'string' || n.name === '') continue;
          assert.ok(!seen.has(n.name), `"${n.name}" in "${name}" and "${seen.get(n.name)}"`);
          seen.set(n.name, name);
        }
      }
    });

    it('each name the one simulator command that gives them calls, and say how to import beside another', function () {
      for (const name of names) {
        const info = String(readExample(name)[0].info);
        assert.strictEqual(simulatorCommands(info).length, 1, `"${name}" names exactly one simulator command`);
        if (readExample(name).some((n) => n.id === 'cti-sim-localhost'))
          assert.match(info, /View nodes….*untick.*Import selected/s, `"${name}" says how to keep one server`);
      }
    });

    it('share one identical bridge server, so importing another example can reuse it', function () {
      const bridges = names
        .map((name) => readExample(name).find((n) => n.id === 'cti-sim-localhost'))
        .filter((s) => s !== undefined)
        .map((s) => JSON.stringify({ ...s, x: undefined, y: undefined }));
      assert.ok(bridges.length >= 6);
      assert.strictEqual(new Set(bridges).size, 1, 'the same server node in every bridge example');
    });

    it('have ids that do not clash between examples (they can be imported side by side)', function () {
      const seen = new Map<string, string>();
      for (const name of names) {
        for (const n of readExample(name)) {
          if (n.type === 'cti-server') continue; // the shared config node of the bridge examples
          assert.ok(!seen.has(n.id), `${n.id} in "${name}" and "${seen.get(n.id)}"`);
          seen.set(n.id, name);
        }
      }
    });
  });

  describe('running against the simulator', function () {
    let sim: CtiSimulator;
    let web: HttpNodeServer;
    let requests: RequestInfo[];
    let tmpDir: string | undefined;

    beforeEach(async function () {
      sim = new CtiSimulator({ host: '127.0.0.1', port: 0, agents: '1001-1005' });
      await sim.start();
      requests = [];
      sim.on('request', (info: RequestInfo) => requests.push(info));
      web = new HttpNodeServer();
    });

    afterEach(async function () {
      await helper.unload();
      await web.stop();
      await sim.stop();
      delete process.env.CRM_BASE_URL;
      helper.settings({});
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
      tmpDir = undefined;
    });

    /** Loads the example and resolves once its CTI session is open at the simulator. */
    async function load(name: string): Promise<void> {
      const flow = prepareFlow(name, sim.port);
      const opened = waitForEvent(sim as Any, 'session-open');
      await helper.load(modulesFor(flow, [web.capture]) as Any, flow as Any);
      await opened;
    }
    /** Resolves once a cti-server's session is open on the Node-RED side too, so the flow's requests can go out. */
    function sessionOpen(serverId: string): Promise<void> {
      const server = helper.getNode(serverId);
      if (server.currentState().state === 'open') return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`${serverId}: session not open within 8000 ms (${server.currentState().state})`));
        }, 8000);
        const off = server.onState((st: { state: string }) => {
          if (st.state !== 'open') return;
          clearTimeout(timer);
          off();
          resolve();
        });
      });
    }
    const probe = (debugId: string): Probe => new Probe(probeId(debugId));
    const request = (type: string, pred: (m: Msg) => boolean = () => true): Promise<RequestInfo> => {
      const past = requests.find((r) => r.messageType === type && pred(r.message));
      if (past) return Promise.resolve(past);
      return waitForEvent(sim as Any, 'request', (r: RequestInfo) => r.messageType === type && pred(r.message));
    };

    it('CRM screen-pop on call delivered: HTTP lookup in the mock CRM, customer written back to the call', async function () {
      process.env.CRM_BASE_URL = await web.start();
      await load('CRM screen-pop on call delivered');
      const arriving = probe('crm-debug-call');
      const pop = probe('crm-debug-pop');
      const written = probe('crm-debug-written');

      const call = await sim.startInboundCall({ agentId: '1001', ani: '02079460001', dnis: '8005551000' });

      const a = await arriving.next((m) => m.topic === 'CALL_DELIVERED_EVENT', 'CALL_DELIVERED_EVENT');
      assert.strictEqual(a.call.ani, '02079460001');
      const p = await pop.next();
      assert.deepStrictEqual(p.payload.customer, {
        ani: '02079460001',
        account: 'AC460001',
        name: 'Ada Lovelace',
        tier: 'gold',
      });
      assert.strictEqual(p.payload.agent, '1001', 'the phone that rings');
      const w = await written.next();
      assert.strictEqual(w.payload.messageType, 'SET_CALL_DATA_CONF');

      const req = await request('SET_CALL_DATA_REQ');
      assert.strictEqual(req.message.callVariable9, 'Ada Lovelace');
      assert.strictEqual(req.message.customerAccountNumber, 'AC460001');
      assert.strictEqual(call.callVariables[9], 'Ada Lovelace');
      assert.strictEqual(call.customerAccountNumber, 'AC460001');

      // The mock CRM is a real endpoint of the flow.
      const crm = await getJson(`${process.env.CRM_BASE_URL}/crm/customer?ani=01617946002`);
      assert.strictEqual(crm.status, 200);
      assert.strictEqual((crm.body as Msg).name, 'Alan Turing');
    });

    it('DNIS routing and call-data write-back: the line of business lands in CallVariable3', async function () {
      await load('DNIS routing and call-data write-back');
      const tagged = probe('dnis-debug');
      const errors = probe('dnis-debug-error');

      const sales = await sim.startInboundCall({ agentId: '1001', ani: '5550100', dnis: '8005551000' });
      const t1 = await tagged.next();
      assert.strictEqual(t1.topic, 'SET_CALL_DATA_CONF');
      assert.strictEqual(t1.payload.messageType, 'SET_CALL_DATA_CONF');
      assert.deepStrictEqual(t1.written, { callVariable3: 'sales', callVariable4: 'priority' }, 'what was written');
      assert.strictEqual(sales.callVariables[3], 'sales');
      assert.strictEqual(sales.callVariables[4], 'priority');

      const other = await sim.startInboundCall({ agentId: '1002', ani: '5550101', dnis: '8009999999' });
      const t2 = await tagged.next();
      assert.strictEqual(t2.written.callVariable3, 'general');
      assert.strictEqual(other.callVariables[3], 'general');
      assert.strictEqual(errors.messages.length, 0, 'no write-back error');
    });

    it('ECC variables read and write: reads ECC on delivery, writes ECC, sees CALL_DATA_UPDATE_EVENT', async function () {
      await load('ECC variables read and write');
      const read = probe('ecc-debug-read');
      const written = probe('ecc-debug-written');
      const updated = probe('ecc-debug-update');

      const call = await sim.startInboundCall({
        agentId: '1001',
        ani: '5550102',
        dnis: '8005552000',
        namedVariables: [{ name: 'user.cust.id', value: 'C12345' }],
      });
      const r = await read.next();
      assert.strictEqual(r.payload.ecc['user.cust.id'], 'C12345');
      const w = await written.next();
      assert.strictEqual(w.payload.messageType, 'SET_CALL_DATA_CONF');
      const req = await request('SET_CALL_DATA_REQ');
      const sent = Object.fromEntries(
        (req.message.namedVariables as { name: string; value: string }[]).map((v) => [v.name, v.value]),
      );
      assert.strictEqual(sent['user.cti.handledBy'], 'node-red');
      assert.ok(
        call.namedVariables.some((v) => v.name === 'user.cti.handledBy' && v.value === 'node-red'),
        'simulator call has the ECC value',
      );
      const u = await updated.next(
        (m) => m.call && m.call.ecc && m.call.ecc['user.cti.handledBy'] === 'node-red',
        'update with the written ECC',
      );
      assert.strictEqual(u.topic, 'CALL_DATA_UPDATE_EVENT');
    });

    it('Agent state board: every agent from the start, then state changes, at GET /cti/agents', async function () {
      const base = await web.start();
      // Before the session opens the endpoint already answers JSON: an empty board, not an empty body.
      const flow = prepareFlow('Agent state board', sim.port);
      const opened = waitForEvent(sim as Any, 'session-open');
      await helper.load(modulesFor(flow, [web.capture]) as Any, flow as Any);
      const early = await getJson(`${base}/cti/agents`);
      assert.strictEqual(early.status, 200);
      assert.strictEqual(typeof early.body, 'object', 'JSON before any event');
      await opened;
      const board = probe('agent-debug');
      const errors = probe('agent-debug-error');
      // The query at connect fills the board with all five agents, with no agent event at all.
      const full = await board.next((m) => Object.keys(m.payload).length === 5, 'all five agents on the board');
      assert.deepStrictEqual(Object.keys(full.payload).sort(), ['1001', '1002', '1003', '1004', '1005']);
      assert.strictEqual(full.payload['1001'].state, 'AVAILABLE');
      const all = await getJson(`${base}/cti/agents`);
      assert.deepStrictEqual(Object.keys(all.body as Msg).sort(), ['1001', '1002', '1003', '1004', '1005']);
      assert.strictEqual(errors.messages.length, 0, 'no query failed');

      const call = await sim.startInboundCall({ agentId: '1003', ani: '5550103', dnis: '8005551000', answer: true });
      const b = await board.next(
        (m) => m.topic === '1003' && m.payload['1003'].state === 'TALKING',
        'agent 1003 TALKING',
      );
      assert.strictEqual(b.payload['1003'].state, 'TALKING');
      const res = await getJson(`${base}/cti/agents`);
      assert.strictEqual(res.status, 200);
      assert.strictEqual((res.body as Msg)['1003'].state, 'TALKING');

      await sim.releaseCall(call);
      await board.next((m) => m.topic === '1003' && m.payload['1003'].state !== 'TALKING', 'agent 1003 leaves TALKING');
    });

    it('Call log to CSV file: one line per delivered / established / cleared event', async function () {
      tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-calllog-'));
      helper.settings({ fileWorkingDirectory: tmpDir });
      await load('Call log to CSV file');
      const logged = probe('log-debug');

      const call = await sim.startInboundCall({ agentId: '1002', ani: '5550104', dnis: '8005553000', answer: true });
      await sim.releaseCall(call);
      const expected = [
        'CALL_DELIVERED_EVENT',
        'CALL_DELIVERED_EVENT',
        'CALL_ESTABLISHED_EVENT',
        'CALL_CONNECTION_CLEARED_EVENT',
        'CALL_CLEARED_EVENT',
      ];
      for (const topic of expected) await logged.next((m) => m.topic === topic, topic);

      const lines = fs.readFileSync(path.join(tmpDir, 'cti-call-log.csv'), 'utf8').trim().split('\n');
      assert.strictEqual(lines[0], 'time,event,connectionCallId,ani,dnis,device,state,cause');
      const rows = lines.slice(1).map((l) => {
        const [time, event, id, ani, dnis, device, state] = l.split(',');
        return { time, event, id, ani, dnis, device, state };
      });
      assert.deepStrictEqual(
        rows.map((r) => r.event),
        expected,
      );
      for (const r of rows) {
        assert.ok(!Number.isNaN(Date.parse(r.time)), `ISO time: ${r.time}`);
        assert.deepStrictEqual([r.id, r.ani, r.dnis], [String(call.connectionCallId), '5550104', '8005553000']);
      }
      assert.deepStrictEqual([rows[1].device, rows[1].state], ['1002', 'LCS_ALERTING'], 'delivered at the agent phone');
      assert.deepStrictEqual([rows[2].device, rows[2].state], ['1002', 'LCS_CONNECT'], 'answered by the agent');
      assert.strictEqual(rows[3].device, '1002', 'the releasing phone');
    });

    it('Session status alerting: all-clear when open, alert when the peripheral goes offline', async function () {
      await load('Session status alerting');
      const ok = probe('status-debug-ok');
      const alert = probe('status-debug-alert');
      const first = await ok.next();
      assert.match(first.payload, /^CTI session open on side A/);

      sim.setPeripheralOnline(false);
      const a = await alert.next();
      assert.strictEqual(a.topic, 'CTI ALERT: peripheral-offline');
      assert.match(a.payload, /^CTI session peripheral-offline/);

      sim.setPeripheralOnline(true);
      await ok.next(() => true, 'all-clear after the peripheral is back');
    });

    it('Session status alerting: one alert per outage and one all-clear, however many reconnect attempts', async function () {
      await load('Session status alerting');
      const ok = probe('status-debug-ok');
      const alert = probe('status-debug-alert');
      await ok.next(() => true, 'the all-clear of the first open');
      const server = helper.getNode('cti-sim-localhost');
      const port = sim.port;
      // The CTI Server goes away: the session retries (failover, connecting, failover, ...).
      let failovers = 0;
      const retried = new Promise<void>((resolve) => {
        const off = server.onState((st: { state: string }) => {
          if (st.state === 'failover' && ++failovers === 2) {
            off();
            resolve();
          }
        });
      });
      await sim.stop();
      await retried;
      sim = new CtiSimulator({ host: '127.0.0.1', port, agents: '1001-1005' });
      await sim.start();
      await ok.next(() => true, 'the all-clear once the session is back');
      assert.strictEqual(alert.messages.length, 1, `one alert for one outage: ${JSON.stringify(alert.messages)}`);
      assert.strictEqual(ok.messages.length, 2, 'the first open and the recovery');
    });

    it("Agent desktop - Client Events: agent 1001's session, state buttons, one screen pop per call, answer", async function () {
      await load('Agent desktop - Client Events');
      await sessionOpen('cti-sim-agent-1001'); // the buttons need the session open (no call event waits for it)
      const sessions = sim.sessions();
      assert.strictEqual(sessions.length, 1, 'one session');
      const info = sessions[0];
      const svc = ServiceMask.byName;
      assert.ok(((info.servicesRequested ?? 0) & svc.CTI_SERVICE_CLIENT_EVENTS) !== 0, 'Client Events requested');
      assert.strictEqual((info.servicesRequested ?? 0) & svc.CTI_SERVICE_ALL_EVENTS, 0, 'not a bridge');
      assert.ok(((info.servicesGranted ?? 0) & svc.CTI_SERVICE_CLIENT_CONTROL) !== 0, 'call control granted');
      assert.deepStrictEqual(
        [info.agentId, info.agentExtension, info.agentInstrument, info.peripheralId],
        ['1001', '1001', '1001', 5000],
      );
      assert.ok((info.monitorId ?? 0) > 0, 'a Client Events session has a monitor');

      const state = probe('desk-debug-state');
      const pop = probe('desk-debug-pop');
      const done = probe('desk-debug-requests');
      const errors = probe('desk-debug-error');
      const agent = sim.model.getAgent('1001')!;
      const AS = AgentState.byName;
      const stateIs = (name: string) => (m: Msg) => m.payload && m.payload.agentState === name;
      const confOf = (type: string) => (m: Msg) => m.payload && m.payload.messageType === type;
      // Every event the example's session receives, to see what the connection-state filter holds back.
      const delivered: Msg[] = [];
      const unsubscribe = helper.getNode('cti-sim-agent-1001').subscribe((e: Msg) => {
        if (e.messageType === 'CALL_DELIVERED_EVENT') delivered.push(e);
      });
      try {
        // The simulator's agents start AVAILABLE: "Not ready" first, so "Ready" is a change.
        helper.getNode('desk-inject-not-ready').receive({});
        await done.next(confOf('SET_AGENT_STATE_CONF'), 'SET_AGENT_STATE_CONF');
        await state.next(stateIs('AGENT_STATE_NOT_READY'), 'AGENT_STATE_EVENT NOT_READY');
        assert.strictEqual(agent.state, AS.AGENT_STATE_NOT_READY);

        helper.getNode('desk-inject-ready').receive({});
        const ready = await state.next(stateIs('AGENT_STATE_AVAILABLE'), 'AGENT_STATE_EVENT AVAILABLE');
        assert.strictEqual(ready.topic, 'AGENT_STATE_EVENT');
        assert.strictEqual(agent.state, AS.AGENT_STATE_AVAILABLE);
        const req = await request('SET_AGENT_STATE_REQ', (m) => m.agentState === AS.AGENT_STATE_AVAILABLE);
        assert.strictEqual(req.message.agentInstrument, '1001');

        const call = await sim.startInboundCall({
          agentId: '1001',
          ani: '02079460010',
          dnis: '8005551000',
          callVariables: { 1: 'order 4711' },
        });
        const p = await pop.next(() => true, 'a screen pop');
        assert.strictEqual(p.call.connectionCallId, call.connectionCallId);
        assert.match(p.payload, /Caller \(ANI\): 02079460010\n/);
        assert.match(p.payload, /Dialed \(DNIS\): 8005551000\n/);
        assert.match(p.payload, /Call variable 1: order 4711\n/);
        assert.doesNotMatch(p.payload, /Call variable 2/, 'empty call variables are left out');

        helper.getNode('desk-inject-answer').receive({});
        await done.next(confOf('ANSWER_CALL_CONF'), 'ANSWER_CALL_CONF');
        assert.strictEqual(call.state, 'connected');
        await state.next(stateIs('AGENT_STATE_TALKING'), 'AGENT_STATE_EVENT TALKING');

        await sim.releaseCall(call);
        await state.next(stateIs('AGENT_STATE_AVAILABLE'), 'AVAILABLE after the call');

        // The agent's own outbound call is delivered too (far end ringing, LCS_INITIATE): no screen pop.
        const outbound = await sim.startOutboundCall({ agentId: '1001', dialedNumber: '9005550199' });
        await sim.releaseCall(outbound);
        await state.next(stateIs('AGENT_STATE_AVAILABLE'), 'AVAILABLE after the outbound call');
        const second = await sim.startInboundCall({ agentId: '1001', ani: '02079460011', dnis: '8005551000' });
        await pop.next((m) => m.call.connectionCallId === second.connectionCallId, "the second inbound call's pop");
        const lcs = (e: Msg): unknown =>
          typeof e.localConnectionState === 'number'
            ? LocalConnectionState.nameOf(e.localConnectionState)
            : e.localConnectionState;
        assert.deepStrictEqual(
          delivered.map(lcs),
          ['LCS_ALERTING', 'LCS_INITIATE', 'LCS_ALERTING'],
          'what the session received',
        );
        assert.deepStrictEqual(
          pop.messages.map((m) => m.call.ani),
          ['02079460010', '02079460011'],
          'exactly one pop per inbound call',
        );
        assert.strictEqual(
          errors.messages.length,
          0,
          `no request error: ${JSON.stringify(errors.messages.map((m) => m.error))}`,
        );

        // Answer again once the caller has hung up: the failure reaches the Catch node.
        await sim.releaseCall(second);
        await state.next(stateIs('AGENT_STATE_AVAILABLE'), 'AVAILABLE after the second call');
        helper.getNode('desk-inject-answer').receive({});
        const failed = await errors.next(() => true, 'the answer failure');
        assert.strictEqual(failed.error.source.id, 'desk-answer');

        helper.getNode('desk-inject-logout').receive({});
        await state.next(stateIs('AGENT_STATE_LOGOUT'), 'AGENT_STATE_EVENT LOGOUT');
        assert.strictEqual(agent.state, AS.AGENT_STATE_LOGOUT);
      } finally {
        unsubscribe();
      }
    });

    it('Call control - answer hold transfer: answers, holds, retrieves, consults and goes back, sends digits, transfers to 1005', async function () {
      await load('Call control - answer hold transfer');
      const out = probe('ctl-debug');
      const errors = probe('ctl-debug-error');
      const confOf = (type: string) => (m: Msg) => m.payload && m.payload.messageType === type;

      const call = await sim.startInboundCall({ agentId: '1001', ani: '5550105', dnis: '8005551000' });
      await out.next(confOf('ANSWER_CALL_CONF'), 'ANSWER_CALL_CONF');
      assert.strictEqual(call.state, 'connected');

      helper.getNode('ctl-inject-hold').receive({});
      await out.next(confOf('HOLD_CALL_CONF'), 'HOLD_CALL_CONF');
      assert.strictEqual(call.state, 'held');

      helper.getNode('ctl-inject-retrieve').receive({});
      await out.next(confOf('RETRIEVE_CALL_CONF'), 'RETRIEVE_CALL_CONF');
      assert.strictEqual(call.state, 'connected');

      // Consult 1005, then back to the customer: the consultation ends, the caller is connected again.
      helper.getNode('ctl-inject-consult').receive({});
      await out.next(confOf('CONSULTATION_CALL_CONF'), 'CONSULTATION_CALL_CONF');
      assert.strictEqual(call.state, 'held');
      const consult = sim.model.callsOf('1005')[0];
      assert.ok(consult !== undefined && consult.consultOf === call, 'a consultation of the call rings 1005');
      helper.getNode('ctl-inject-back').receive({});
      await out.next(confOf('RECONNECT_CALL_CONF'), 'RECONNECT_CALL_CONF');
      await request('RECONNECT_CALL_REQ', (m) => m.activeConnectionCallId === consult.connectionCallId);
      assert.strictEqual(call.state, 'connected');
      assert.strictEqual(sim.model.calls.has(consult), false, 'the consultation ended');
      assert.deepEqual(sim.model.callsOf('1005'), [], '1005 is free again');

      helper.getNode('ctl-inject-dtmf').receive({});
      await out.next(confOf('SEND_DTMF_SIGNAL_CONF'), 'SEND_DTMF_SIGNAL_CONF');
      await request(
        'SEND_DTMF_SIGNAL_REQ',
        (m) => m.dtmfString === '1234#' && m.connectionCallId === call.connectionCallId,
      );

      helper.getNode('ctl-inject-transfer').receive({});
      await out.next(confOf('TRANSFER_CALL_CONF'), 'TRANSFER_CALL_CONF');
      await request('CONSULTATION_CALL_REQ', (m) => m.dialedNumber === '1005');
      assert.ok(call.parties.includes('1005') && !call.parties.includes('1001'), `call now with 1005: ${call.parties}`);
      assert.strictEqual(
        errors.messages.length,
        0,
        `no call-control error: ${JSON.stringify(errors.messages.map((m) => m.error))}`,
      );
    });
  });
});
