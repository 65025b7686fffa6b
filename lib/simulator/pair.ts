import { RealClock } from './clock';
import { CallFlows } from './call-flows';
import { SimModel } from './model';
import { MAINTENANCE_WINDOW_MS, runMaintenance, type MaintenanceOutcome } from './maintenance';
import { CtiSimulator } from './server';
import type { CtiSimulatorOptions, SimSessionInfo } from './types';

export interface CtiSimulatorPairOptions extends Omit<CtiSimulatorOptions, 'side' | 'active' | 'port'> {
  /** Side A port (0 = any). */
  port?: number;
  /** Side B port (0 = any). */
  sideBPort?: number;
}

/**
 * A duplexed CTI Server: side A and side B listen at once and share one peripheral (agents, calls).
 * Side A starts active, side B standby (PV24 active/standby: the standby accepts only OPEN / HEARTBEAT /
 * CLOSE from version ≥ 24 clients that request CTI_SERVICE_ACTIVE_STANDBY).
 */
export class CtiSimulatorPair {
  readonly sideA: CtiSimulator;
  readonly sideB: CtiSimulator;

  constructor(opts: CtiSimulatorPairOptions = {}) {
    const clock = opts.clock ?? new RealClock();
    const model = new SimModel({
      clock,
      agents: opts.agents,
      skillGroups: opts.skillGroups,
      teams: opts.teams,
      wrapup: opts.wrapup,
      peripheralId: opts.peripheralId,
      peripheralType: opts.peripheralType,
      eccVariables: opts.eccVariables,
      eccArrays: opts.eccArrays,
    });
    const shared = { model, flows: new CallFlows(model) };
    const { sideBPort, ...common } = opts;
    this.sideA = new CtiSimulator({ ...common, clock, side: 'A', active: true, port: opts.port ?? 0 }, shared);
    this.sideB = new CtiSimulator({ ...common, clock, side: 'B', active: false, port: sideBPort ?? 0 }, shared);
  }

  get active(): CtiSimulator {
    return this.sideA.isActive() ? this.sideA : this.sideB;
  }
  get standby(): CtiSimulator {
    return this.sideA.isActive() ? this.sideB : this.sideA;
  }

  /** Snapshots of the open sessions of both sides (SimSessionInfo.side tells which), side A first. */
  sessions(): SimSessionInfo[] {
    return [...this.sideA.sessions(), ...this.sideB.sessions()];
  }

  async start(): Promise<{ sideA: { host: string; port: number }; sideB: { host: string; port: number } }> {
    const a = await this.sideA.start();
    const b = await this.sideB.start();
    return { sideA: a, sideB: b };
  }

  /**
   * The active side stops serving: its clients get FAILURE_EVENT E_CTI_CTI_SERVER_OFFLINE and are
   * disconnected; the other side becomes active and sends STANDBY_ACTIVE_EVENT_MSG to its standby sessions.
   * From then on, All Events clients on the new active side (those already on it and those that open later)
   * are told the state of every call in progress: BEGIN_CALL_EVENT, then CALL_DELIVERED_EVENT /
   * CALL_ESTABLISHED_EVENT with EventCause CEC_CALL_PARTY_UPDATE_IND (see call-state-rebuild.ts).
   * Unsure: order chosen: the new side is activated first, then the old side's clients are dropped, so a
   * client holding sessions on both sides never sees both sides inactive.
   */
  async switchover(): Promise<void> {
    const from = this.active;
    const to = this.standby;
    to.setActive(true);
    from.setActive(false);
  }

  /**
   * PG maintenance mode of the active side (maintenance.ts, cti-protocol-supervisor-config.md §23.3): every PV24+
   * active/standby client is asked and has `windowMs` (the guide's 5 s, on the simulator's clock) to answer; any
   * rejection or silence cancels. On continue the other side becomes active and this one refuses OPEN_REQ with
   * E_CTI_SERVER_IN_MAINTENANCE_MODE until endMaintenance(). Resolves with the decision and the answers; when a
   * side stops while the clients are asked (stop(), crashActive()), at once with 'cancel' and `stopped: true`.
   */
  maintenance(windowMs = MAINTENANCE_WINDOW_MS): Promise<MaintenanceOutcome> {
    return runMaintenance(this.active, this.standby, windowMs);
  }

  /** The side in maintenance comes back, as the standby. */
  endMaintenance(): void {
    this.sideA.leaveMaintenance();
    this.sideB.leaveMaintenance();
  }

  /**
   * The active side crashes: every connection to it is reset (no FAILURE_EVENT, no FIN) and it stops listening;
   * after `takeoverMs` the other side becomes active (STANDBY_ACTIVE_EVENT to its standby sessions, calls in
   * progress replayed). Unsure: a real peer notices the crash after its own timeouts; the delay stands for that.
   */
  async crashActive(takeoverMs = 0): Promise<void> {
    const from = this.active;
    const to = this.standby;
    from.faults.dropConnections();
    from.setActive(false);
    await from.stop();
    if (takeoverMs > 0) await new Promise((resolve) => setTimeout(resolve, takeoverMs));
    to.setActive(true);
  }

  async stop(): Promise<void> {
    await Promise.all([this.sideA.stop(), this.sideB.stop()]);
  }
}
