/**
 * cti-server, part "HA handover" (a server in an HA pair, ha.ts): what this owner tells the next one it tracks,
 * and, on the first open after taking the session over, the rebuild of what the old owner knew (rebuild.ts) —
 * held as a promise a cti-state waits for before it reports (state-pg.ts). A later open of the same session is a
 * reconnect, not a takeover: nothing is rebuilt then.
 */
import type { CtiSession } from '../../../lib/session';
import type { ServerConfiguration } from './configuration';
import type { KnownState } from './ha';
import type { ServerLog } from './logging';
import { rebuildAfterTakeover } from './rebuild';

/** At most this many agents and calls go into the list a new owner rebuilds from. */
const MAX_KNOWN_AGENTS = 5000;
const MAX_KNOWN_CALLS = 2000;

/**
 * What `s` tracks, for the next owner: agents by their ids and devices, calls by their connection. Capped (the most
 * recently updated) so the retained message stays small at a large site. Undefined while the session is not open.
 */
export function knownBy(s: CtiSession | undefined): Pick<KnownState, 'agents' | 'calls'> | undefined {
  if (s === undefined || !s.isOpen) return undefined;
  const agents = s.agents
    .all()
    .slice(-MAX_KNOWN_AGENTS)
    .map((a) => ({
      ...(a.agentId !== undefined ? { agentId: a.agentId } : {}),
      ...(a.agentExtension !== undefined ? { agentExtension: a.agentExtension } : {}),
      ...(a.agentInstrument !== undefined ? { agentInstrument: a.agentInstrument } : {}),
      ...(typeof a.peripheralId === 'number' ? { peripheralId: a.peripheralId } : {}),
    }));
  const calls = s.calls
    .all()
    .filter((c) => !c.ended)
    .slice(-MAX_KNOWN_CALLS)
    .map((c) => ({
      connectionCallId: c.connectionCallId,
      connectionDeviceIdType: c.connectionDeviceIdType,
      connectionDeviceId: c.connectionDeviceId,
      ...(typeof c.peripheralId === 'number' ? { peripheralId: c.peripheralId } : {}),
    }));
  return { agents, calls };
}

export class Handover {
  /** The next open is the first after taking the session over from another member. */
  private takeoverOpen = false;
  /** After a takeover: the rebuild of agents and calls from the CTI Server, until it is done. */
  private rebuild: Promise<void> | undefined;

  constructor(
    private readonly config: ServerConfiguration,
    private readonly log: ServerLog,
    /** What the member we took over from published last (ha.ts takeKnown: once). */
    private readonly takeKnown: () => KnownState | undefined,
  ) {}

  /** While the session's state is being rebuilt after a takeover: the promise that settles when it is. */
  get rebuilding(): Promise<void> | undefined {
    return this.rebuild;
  }

  /** The pair made this instance the owner; `from`: the member it took the session over from, if any. */
  becameOwner(from: string | undefined): void {
    this.takeoverOpen = from !== undefined;
    if (from !== undefined) this.log.haTookOver(from);
  }

  /**
   * An open that ends an outage: true when it is the first after a takeover, and then (with a session) the
   * rebuild has started — before the state is shown, so a cti-state that sees this open waits for it.
   */
  opened(s: CtiSession | undefined): boolean {
    if (!this.takeoverOpen) return false;
    this.takeoverOpen = false;
    if (s !== undefined) this.startRebuild(s);
    return true;
  }

  private startRebuild(s: CtiSession): void {
    const known = this.takeKnown();
    if (known === undefined || (known.agents.length === 0 && known.calls.length === 0)) return;
    const configured = this.config.peripheralId();
    const done = Promise.resolve()
      .then(() =>
        rebuildAfterTakeover(
          (m) => s.request(m),
          known,
          (agentPeripheral) => configured ?? agentPeripheral,
          () => s.isOpen,
        ),
      )
      .then(
        (r) => this.log.haRebuilt(known.instance, r),
        (err: unknown) => this.log.haWarning(`HA rebuild failed: ${(err as Error).message}`),
      )
      .finally(() => {
        if (this.rebuild === done) this.rebuild = undefined;
      });
    this.rebuild = done;
  }
}
