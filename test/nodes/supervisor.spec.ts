/**
 * The supervisor in a real Node-RED runtime against the simulator's defaults over TCP (team 1 "Team Blue",
 * members 1001–1005, supervisor 1009): a cti-server with the Supervisor service for 1009 and one for agent 1001's
 * desktop; cti-event with the supervisor events; cti-request's supervisor requests; msg.call.supervisor; cti-state's
 * teams and team filter; the Supervisor / Peripheral Monitor configuration rules.
 */
import assert from 'node:assert/strict';
import type { NodeMessage } from 'node-red';
import type { ContactCenterView } from '../../lib/contact-center';
import { AgentState } from '../../lib/protocol';
import { migratedCopy } from '../../nodes/lib/migrations';
import { buildSessionOptions, ConfigError } from '../../nodes/lib/server-config';
import { helper, NODES, startSim, serverNode, nextInput, type CtiSimulator } from './harness';
import ctiState = require('../../nodes/cti-state');

type Msg = NodeMessage & Record<string, unknown>;

describe('supervisor nodes: Supervisor service, supervise-call, help / emergency, teams', function () {
  this.timeout(20000);
  let sim: CtiSimulator;

  beforeEach(async function () {
    await helper.startServer();
    // The simulator's defaults: 1001-1005, supervisor 1009, team 1.
    sim = await startSim({ agents: undefined });
  });

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await sim.stop();
  });

  function flow(): object[] {
    return [
      { id: 'f1', type: 'tab' },
      serverNode(sim, {
        id: 'sup',
        clientId: 'sup-1009',
        services: ['CLIENT_EVENTS', 'CLIENT_CONTROL', 'SUPERVISOR'],
        agentId: '1009',
      }),
      serverNode(sim, {
        id: 'desk',
        clientId: 'desk-1001',
        services: ['CLIENT_EVENTS', 'CLIENT_CONTROL'],
        agentId: '1001',
      }),
      {
        id: 'ev',
        type: 'cti-event',
        z: 'f1',
        server: 'sup',
        events: ['AGENT_TEAM_CONFIG_EVENT', 'SUPERVISOR_ASSIST_EVENT', 'EMERGENCY_CALL_EVENT', 'AGENT_STATE_EVENT'],
        wires: [['hev']],
      },
      { id: 'calls', type: 'cti-event', z: 'f1', server: 'desk', events: [], wires: [['hcalls']] },
      { id: 'req', type: 'cti-request', z: 'f1', server: 'sup', request: '', wires: [['hreq']] },
      { id: 'deskreq', type: 'cti-request', z: 'f1', server: 'desk', request: '', wires: [['hreq']] },
      { id: 'st', type: 'cti-state', z: 'f1', server: 'sup', teams: '1', onChange: false, wires: [['hst']] },
      { id: 'c1', type: 'catch', z: 'f1', scope: null, uncaught: false, wires: [['hc']] },
      { id: 'hev', type: 'helper', z: 'f1' },
      { id: 'hcalls', type: 'helper', z: 'f1' },
      { id: 'hreq', type: 'helper', z: 'f1' },
      { id: 'hst', type: 'helper', z: 'f1' },
      { id: 'hc', type: 'helper', z: 'f1' },
    ];
  }

  /** Sends to a request node; resolves with its output or rejects with the Catch node's error. */
  function ask(node: string, msg: Msg): Promise<Msg> {
    return new Promise((resolve, reject) => {
      const out = helper.getNode('hreq');
      const caught = helper.getNode('hc');
      const onOut = (m: Msg): void => {
        stop();
        resolve(m);
      };
      const onCaught = (m: Msg): void => {
        stop();
        reject(new Error(String((m.error as { message?: string })?.message)));
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no answer to ${String(msg.topic)} within 5 s`));
      }, 5000);
      const stop = (): void => {
        clearTimeout(timer);
        out.removeListener('input', onOut);
        caught.removeListener('input', onCaught);
      };
      out.on('input', onOut);
      caught.on('input', onCaught);
      helper.getNode(node).receive(msg);
    });
  }

  it('opens the supervisor session, shows the team, supervises a call step by step, passes help and emergency on', async () => {
    await helper.load([...NODES, ctiState], flow());
    // The session opens after the flow starts (a TCP connect away): the team comes after the load resolved.
    const teamMsg = await nextInput(
      helper.getNode('hev') as never,
      (m) => m.topic === 'AGENT_TEAM_CONFIG_EVENT',
      10000,
    );
    const tp = teamMsg.payload as Record<string, unknown>;
    assert.equal(tp.agentTeamName, 'Team Blue');
    assert.deepEqual(tp.atcAgentId, ['1001', '1002', '1003', '1004', '1005', '1009']);
    assert.equal(tp.configOperation, 'CONFIG_OPERATION_RESTORE_PERMANENT', 'enumerations as names');
    assert.equal((tp.atcAgentState as string[])[5], 'AGENT_STATE_NOT_READY');

    // cti-state: the team and its agents (the team filter shows 1001-1005 and 1009).
    const st = nextInput(helper.getNode('hst') as never);
    helper.getNode('st').receive({ payload: 'now' });
    const view = (await st).payload as ContactCenterView;
    assert.deepEqual(view.teams, [
      { teamId: 1, name: 'Team Blue', supervisors: ['1009'], members: ['1001', '1002', '1003', '1004', '1005'] },
    ]);
    assert.deepEqual(
      view.agents.map((a) => [a.agentId, a.state]),
      [
        ['1001', 'AGENT_STATE_AVAILABLE'],
        ['1002', 'AGENT_STATE_AVAILABLE'],
        ['1003', 'AGENT_STATE_AVAILABLE'],
        ['1004', 'AGENT_STATE_AVAILABLE'],
        ['1005', 'AGENT_STATE_AVAILABLE'],
        ['1009', 'AGENT_STATE_NOT_READY'],
      ],
    );

    const list = await ask('req', { topic: 'list-agent-team' });
    assert.deepEqual((list.payload as Record<string, unknown>).teamId, [1]);
    const mon = await ask('req', { topic: 'monitor-agent-team-start', payload: { teamId: 1 } });
    const monitorId = (mon.payload as Record<string, unknown>).monitorId;
    const st1002 = nextInput(
      helper.getNode('hev') as never,
      (m) => m.topic === 'AGENT_STATE_EVENT' && (m.payload as Record<string, unknown>).agentId === '1002',
    );
    await sim.setAgentState('1002', 'AGENT_STATE_NOT_READY', 3);
    assert.equal(((await st1002).payload as Record<string, unknown>).monitorId, monitorId);

    // A call at 1001; the supervisor monitors, barges in, intercepts — by agent ID ("the agent's current call").
    const delivered = nextInput(helper.getNode('hcalls') as never, (m) => m.topic === 'CALL_ESTABLISHED_EVENT');
    await sim.startInboundCall({ agentId: '1001', answer: true });
    await delivered;
    const monitorCall = nextInput(
      helper.getNode('hcalls') as never,
      (m) =>
        m.topic === 'CALL_ESTABLISHED_EVENT' &&
        (m.payload as Record<string, unknown>).eventCause === 'CEC_SUPERVISOR_MONITOR',
    );
    const m1 = await ask('req', {
      topic: 'supervise-call',
      payload: { supervisoryAction: 'monitor', agentId: '1001' },
    });
    assert.equal(m1.topic, 'SUPERVISE_CALL_CONF');
    assert.equal((m1.request as Record<string, unknown>).supervisoryAction, 'SUPERVISOR_MONITOR');
    const mc = await monitorCall;
    assert.deepEqual((mc.call as Record<string, unknown>).supervisor, { device: '1009', role: 'monitoring' });
    assert.equal((mc.call as Record<string, unknown>).callType, 'CALLTYPE_SUPERVISOR_MONITOR');

    const conferenced = nextInput(helper.getNode('hcalls') as never, (m) => m.topic === 'CALL_CONFERENCED_EVENT');
    const b = await ask('req', {
      topic: 'supervise-call',
      payload: { supervisoryAction: 'barge-in', agentId: '1001' },
    });
    assert.equal(b.topic, 'SUPERVISE_CALL_CONF');
    assert.deepEqual(((await conferenced).call as Record<string, unknown>).supervisor, {
      device: '1009',
      role: 'barged-in',
    });

    const dropped = nextInput(helper.getNode('hcalls') as never, (m) => m.topic === 'CALL_CONNECTION_CLEARED_EVENT');
    const i = await ask('req', {
      topic: 'supervise-call',
      payload: { supervisoryAction: 'intercept', agentId: '1001' },
    });
    assert.equal(i.topic, 'SUPERVISE_CALL_CONF');
    const d = await dropped;
    assert.equal((d.payload as Record<string, unknown>).eventCause, 'CEC_SUPERVISOR_INTERCEPT');
    assert.deepEqual((d.call as Record<string, unknown>).supervisor, { device: '1009', role: 'intercepted' });

    // Intercept again: refused, to Catch with its code.
    await assert.rejects(
      ask('req', { topic: 'supervise-call', payload: { supervisoryAction: 'intercept', agentId: '1001' } }),
      /E_CTI_NO_CALL_ACTIVE|CF_INVALID_OBJECT_STATE/,
    );

    // Help and emergency from 1001's desktop reach the supervisor's cti-event.
    const help = nextInput(helper.getNode('hev') as never, (m) => m.topic === 'SUPERVISOR_ASSIST_EVENT');
    assert.equal((await ask('deskreq', { topic: 'supervisor-assist' })).topic, 'SUPERVISOR_ASSIST_CONF');
    assert.equal(((await help).payload as Record<string, unknown>).agentId, '1001');
    const emergency = nextInput(helper.getNode('hev') as never, (m) => m.topic === 'EMERGENCY_CALL_EVENT');
    assert.equal((await ask('deskreq', { topic: 'emergency-call' })).topic, 'EMERGENCY_CALL_CONF');
    assert.equal(((await emergency).payload as Record<string, unknown>).agentId, '1001');

    // The supervisor makes 1002 Not Ready with reason 7, then logs 1003 out.
    const nr = nextInput(
      helper.getNode('hev') as never,
      (m) => m.topic === 'AGENT_STATE_EVENT' && (m.payload as Record<string, unknown>).agentId === '1002',
    );
    const s = await ask('req', {
      topic: 'set-agent-state',
      payload: { agentInstrument: '1002', agentState: 'NOT_READY', reasonCode: 7, supervisorId: '1009' },
    });
    assert.equal(s.topic, 'SET_AGENT_STATE_CONF');
    const nrp = (await nr).payload as Record<string, unknown>;
    assert.deepEqual([nrp.agentState, nrp.eventReasonCode], ['AGENT_STATE_NOT_READY', 7]);
    await ask('req', { topic: 'set-agent-state', payload: { agentInstrument: '1003', agentState: 'LOGOUT' } });
    assert.equal(sim.model.getAgent('1003').state, AgentState.byName.AGENT_STATE_LOGOUT);
  });

  it('cti-request refuses a supervise-call without an action or an agent (to Catch, nothing sent)', async () => {
    await helper.load([...NODES, ctiState], flow());
    await assert.rejects(ask('req', { topic: 'supervise-call', payload: { agentId: '1001' } }), /supervisoryAction/);
    await assert.rejects(
      ask('req', { topic: 'supervise-call', payload: { supervisoryAction: 'peek', agentId: '1001' } }),
      /peek/,
    );
    await assert.rejects(
      ask('req', { topic: 'supervise-call', payload: { supervisoryAction: 'monitor' } }),
      /needs the agent/,
    );
    await assert.rejects(ask('req', { topic: 'monitor-agent-team-start' }), /teamId/);
  });

  it('Supervisor needs Client Events or All Events; Peripheral Monitor is migrated away', function () {
    assert.throws(
      () => buildSessionOptions({ hostA: 'h', services: ['SUPERVISOR', 'CLIENT_CONTROL'] }, undefined, undefined),
      (e: unknown) => e instanceof ConfigError && /Supervisor service needs Client Events/.test(e.message),
    );
    const ok = buildSessionOptions(
      { hostA: 'h', peripheralId: 5000, agentId: '1009', services: ['CLIENT_EVENTS', 'SUPERVISOR'] },
      undefined,
      undefined,
    );
    assert.deepEqual(ok.session.services, ['CTI_SERVICE_CLIENT_EVENTS', 'CTI_SERVICE_SUPERVISOR']);
    const old = {
      id: 's',
      configVersion: 1,
      hostA: 'h',
      services: ['ALL_EVENTS', 'PERIPHERAL_MONITOR', 'CLIENT_CONTROL'],
    };
    const up = migratedCopy('cti-server', old);
    assert.deepEqual(up.services, ['ALL_EVENTS', 'CLIENT_CONTROL']);
    assert.equal(up.configVersion, 2);
    assert.equal(
      migratedCopy('cti-server', { ...old, services: 'ALL_EVENTS,PERIPHERAL_MONITOR' }).services,
      'ALL_EVENTS',
    );
    const untouched = { id: 's', configVersion: 1, hostA: 'h', services: ['ALL_EVENTS'] };
    assert.deepEqual(migratedCopy('cti-server', untouched), { ...untouched, configVersion: 2 });
  });
});
