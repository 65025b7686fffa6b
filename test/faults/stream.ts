/**
 * A steady stream of calls through the simulator's peripheral: each call is delivered to an agent, answered
 * and released (about six call events per call at an All Events client), round-robin over the agents.
 */
import type { CtiSimulator } from '../../lib/simulator';

export interface CallStream {
  /** Calls started so far. */
  readonly calls: number;
  /** Stops after the call in progress; resolves when it has ended. */
  stop(): Promise<void>;
}

/**
 * The agents that take calls: members of a skill group. The default organisation also has supervisor 1009 (Not
 * Ready, in no skill group), whom a call cannot be delivered to.
 */
function callTakers(sim: CtiSimulator): string[] {
  return [...sim.model.agents.values()].filter((a) => a.skillGroupNumbers.length > 0).map((a) => a.agentId);
}

/**
 * Starts `perSecond` calls a second (paced by wall time, a few per timer tick so a busy machine keeps the
 * rate, one loop turn per call so catching up never starves the client sharing the process) on `sim` until stopped. Failures of the driver itself reject stop().
 */
export function streamCalls(sim: CtiSimulator, perSecond: number, agents = callTakers(sim)): CallStream {
  let calls = 0;
  let running = true;
  const started = Date.now();
  const loop = (async () => {
    while (running) {
      const due = Math.floor(((Date.now() - started) * perSecond) / 1000) + 1;
      while (running && calls < due) {
        const agentId = agents[calls % agents.length];
        calls++;
        const call = await sim.startInboundCall({ agentId, answer: true });
        await sim.releaseCall(call);
        // A call's events are written at once (promises, no I/O wait): catching up after a stall without yielding
        // would hold the event loop for as long as the stall lasted, and the client (same process) with it.
        await new Promise((r) => setImmediate(r));
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    get calls() {
      return calls;
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}
