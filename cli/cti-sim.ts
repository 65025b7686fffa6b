#!/usr/bin/env node
import * as fs from 'node:fs';
import { commonFlag, intArg, walkArgs } from './args';
import { AcceleratedClock, parseDuration, RealClock, type SimClock } from '../lib/simulator/clock';
import { parseFaultSpec } from '../lib/simulator/faults';
import { CtiSimulatorPair } from '../lib/simulator/pair';
import { readRecording, type Recording } from '../lib/record/format';
import { replay } from '../lib/simulator/replay';
import { BUILT_IN_SCENARIOS, DEFAULT_SCENARIO, type ScenarioDef, validateScenario } from '../lib/simulator/scenarios';
import { parseSkillGroups, parseTeams, wrapupMs } from '../lib/simulator/organization';
import { OPEN_TOLERANCE_HELP } from '../lib/simulator/open-tolerance';
import { CtiSimulator } from '../lib/simulator/server';
import type { AgentSpec } from '../lib/simulator/types';

/** Wraps `text` to lines of at most `width` characters, each after `indent`. */
function wrap(text: string, indent: string, width = 112): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

/** --scenario none: the simulator starts no calls. */
const NO_SCENARIO = 'none';

const SCENARIO_HELP = Object.entries(BUILT_IN_SCENARIOS)
  .map(([name, def]) => `  ${name.padEnd(12)}${wrap(def.description ?? '', ' '.repeat(14)).trimStart()}`)
  .join('\n');

const HELP = `Usage: cti-sim [options]

A CTI Server simulator speaking the Cisco UCCE CTI protocol (versions 15-25). With no options it listens on
127.0.0.1:42027 and plays the "${DEFAULT_SCENARIO}" scenario: calls start as soon as a client opens a session.

Commands for the examples (examples/*.json):
  npx cti-sim                                   calls answered by the simulator: screen pop, call log, ECC,
                                                agent state board
  npx cti-sim --scenario ringing --agents 1001  agent desktop: each call rings at 1001 until you press Answer
  npx cti-sim --scenario ringing                call control: calls ring at agent 1001 until the flow answers
  npx cti-sim --scenario routing                DNIS routing: calls to 8005551000, 8005552000, 8005553000
  npx cti-sim --scenario none                   no calls at all (sessions, heartbeats and requests only)
  npx cti-sim --scenario busy-hour --rate 60/min --agents 1001-1020
                                                load: a call every second

Scenarios (--scenario <name>; "${DEFAULT_SCENARIO}" when not given; "none" for no calls):
${SCENARIO_HELP}

Options:
  --host <addr>            address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --port <n>               side A client port (default 42027; 0 = any free port)
  --side-b-port <n>        also run side B (duplexed pair, standby) on this port (0 = any free port)
  --scenario <name|file>   a scenario above, "none", or a JSON scenario file (see SCENARIOS.md); played again
                           and again while the simulator runs, each round once a client has a session open
  --rate <n>/min           start n calls per minute at a steady pace, e.g. --rate 6/min (one every 10 s);
                           also <n>/s, <n>/h, or a bare <n> = calls per second. Without it: one round of the
                           scenario at a time, then --interval
  --interval <duration>    pause after a round has ended, before the next (default 5s; without --rate)
  --calls <n>              stop starting calls after n calls (default: no limit)
  --agents <list>          agent ids, e.g. 1001-1010 or 1001,1002 (default 1001-1005; a scenario's
                           "agents" is used when this is not given)
  --skill-groups <list>    skill groups: <number>[:<id>][=<name>]@<agents> joined by ";", agents as ranges
                           joined by "+", e.g. "100:5100=Sales@1001-1003;200:5200=Support@1003+1004+1005"
                           (default: 100 Sales 1001-1003 and 200 Support 1003-1005; with --agents alone one
                           group 100 of all agents). The ID defaults to 5000 + number
  --teams <list>           agent teams: <id>[=<name>]@<members>[/<supervisors>] joined by ";",
                           e.g. "1=Team Blue@1001-1005/1009"
  --wrapup <duration>      after-call work: an agent whose handled call ends is WORK_READY (WORK_NOT_READY
                           if it asked for Not Ready) for this long, then AVAILABLE, e.g. --wrapup 10s
                           (default 0 = none; a scenario's "wrapup" is used when this is not given)
  --password <secret>      OPEN_REQ must carry this ClientPassword (without it, any password or none
                           is accepted, a missing ClientPassword field too)
  --client-id <id>         OPEN_REQ must carry this ClientID
  --peripheral-id <n>      PeripheralID of the simulated peripheral (default 5000)
  --peripheral-type <n>    PeripheralType (default 17, PT_ENTERPRISE_AGENT)
  --versions <min>-<max>   protocol versions accepted (default 15-25)
  --ecc-variables <names>  comma-separated ECC variable names REGISTER_VARIABLES_REQ accepts (default: those
                           the examples and scenarios use; a name seen in any call is accepted too)
  --ecc-arrays <names>     the same for ECC arrays (default user.items)
  --speed <factor>         run the simulator's clock <factor> times faster (scenario delays, timeouts);
                           with --replay: play the recording <factor> times faster
  --replay <file>          serve a recording (cti-record) to every client that opens a session (no scenario)
  --loop                   with --replay: start the recording over after its last frame
  --fault <spec>           inject a fault; repeatable. <name>, <name>-after=<duration>, delay=<duration>.
                           names: drop, silent, unsilent, delay, garbage, truncated, oversized, newer-type,
                           peripheral-offline, peripheral-online, pg-offline, pg-online, server-offline,
                           switchover (pair), maintenance (pair: PG maintenance mode of the active side —
                           ACTIVE_MAINTENANCE_REQ to every PV24+ active/standby client, 5 s to answer, one
                           rejection or silence cancels; else the other side becomes active and this one
                           refuses OPEN_REQ with E_CTI_SERVER_IN_MAINTENANCE_MODE)
                           e.g. --fault silent-after=10s --fault delay=500ms --fault maintenance-after=30s
  --log <level>            quiet | info (sessions and requests, default) | debug (every message); to stderr
  --help                   show this help

Third-party clients (why, per item: lib/simulator/open-tolerance.ts):
${OPEN_TOLERANCE_HELP.map((l) => `  ${l}`).join('\n')}

Prints "cti-sim listening on <host>:<port>" when ready (and a second line for side B).
SIGINT / SIGTERM close every connection and exit with code 0.
`;

export interface CliOptions {
  host: string;
  port: number;
  sideBPort?: number;
  scenario?: string;
  rate?: number;
  calls?: number;
  intervalMs: number;
  agents?: string;
  skillGroups?: string;
  /** After-call work (ms). */
  wrapup?: number;
  teams?: string;
  password?: string;
  clientId?: string;
  peripheralId?: number;
  peripheralType?: number;
  versions?: [number, number];
  eccVariables?: string[];
  eccArrays?: string[];
  speed?: number;
  replay?: string;
  loop?: boolean;
  faults: string[];
  log: 'quiet' | 'info' | 'debug';
  help: boolean;
}

/** Parses the command line; throws a RangeError with a readable message. */
export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { host: '127.0.0.1', port: 42027, intervalMs: 5000, faults: [], log: 'info', help: false };
  walkArgs(argv, (flag, value, arg) => {
    if (commonFlag(o, flag, value, 0)) return;
    switch (flag) {
      case '--side-b-port':
        o.sideBPort = intArg(flag, value(), 0, 65535);
        break;
      case '--scenario':
        o.scenario = value();
        break;
      case '--rate':
        o.rate = parseRate(value());
        break;
      case '--calls':
        o.calls = intArg(flag, value(), 1);
        break;
      case '--interval':
        o.intervalMs = parseDurationArg(value());
        break;
      case '--agents':
        o.agents = value();
        break;
      case '--skill-groups':
        o.skillGroups = value();
        parseSkillGroups(o.skillGroups);
        break;
      case '--wrapup':
        o.wrapup = wrapupMs('--wrapup', value());
        break;
      case '--teams':
        o.teams = value();
        parseTeams(o.teams);
        break;
      case '--password':
        o.password = value();
        break;
      case '--client-id':
        o.clientId = value();
        break;
      case '--peripheral-id':
        o.peripheralId = intArg(flag, value());
        break;
      case '--peripheral-type':
        o.peripheralType = intArg(flag, value(), 0, 65535);
        break;
      case '--versions': {
        const m = /^(\d+)-(\d+)$/.exec(value());
        if (m === null || Number(m[1]) < 15 || Number(m[2]) > 25 || Number(m[1]) > Number(m[2]))
          throw new RangeError('--versions needs <min>-<max> within 15-25');
        o.versions = [Number(m[1]), Number(m[2])];
        break;
      }
      case '--ecc-variables':
        o.eccVariables = nameList(flag, value());
        break;
      case '--ecc-arrays':
        o.eccArrays = nameList(flag, value());
        break;
      case '--speed': {
        const s = Number(value());
        if (!(s > 0)) throw new RangeError('--speed needs a positive factor');
        o.speed = s;
        break;
      }
      case '--replay':
        o.replay = value();
        break;
      case '--loop':
        o.loop = true;
        break;
      case '--fault': {
        const spec = value();
        parseFaultSpec(spec);
        o.faults.push(spec);
        break;
      }
      case '--log': {
        const l = value();
        if (l !== 'quiet' && l !== 'info' && l !== 'debug') throw new RangeError('--log is quiet, info or debug');
        o.log = l;
        break;
      }
      default:
        throw new RangeError(`unknown option "${arg}" (see --help)`);
    }
  });
  return o;
}

function nameList(flag: string, v: string): string[] {
  const names = v
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0) throw new RangeError(`${flag} needs comma-separated names`);
  return names;
}

function parseDurationArg(v: string): number {
  return parseDuration(v);
}

const PER_SECOND: Record<string, number> = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hour: 3600 };

/** "6/min", "0.5/s", "120/h" or a bare number (calls per second) → calls per second. */
export function parseRate(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*([a-z]+))?\s*$/i.exec(text);
  const unit = m?.[2]?.toLowerCase();
  const divisor = unit === undefined ? 1 : PER_SECOND[unit];
  const rate = m === null || divisor === undefined ? NaN : Number(m[1]) / divisor;
  if (!(rate > 0))
    throw new RangeError(`--rate needs calls per minute like 6/min (or n/s, n/h, n per second), got "${text}"`);
  return rate;
}

function loadScenario(nameOrFile: string): ScenarioDef {
  if (BUILT_IN_SCENARIOS[nameOrFile] !== undefined) return BUILT_IN_SCENARIOS[nameOrFile];
  if (!fs.existsSync(nameOrFile))
    throw new RangeError(
      `no built-in scenario or file "${nameOrFile}" (built-ins: ${Object.keys(BUILT_IN_SCENARIOS).join(', ')})`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(nameOrFile, 'utf8'));
  } catch (err) {
    throw new RangeError(`scenario file ${nameOrFile}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return validateScenario(parsed);
}

/** The scenario to play: --scenario, else the default one (none with --replay); "none" = no calls. */
function scenarioOf(o: CliOptions): ScenarioDef | undefined {
  const name = o.scenario ?? (o.replay === undefined ? DEFAULT_SCENARIO : NO_SCENARIO);
  return name === NO_SCENARIO ? undefined : loadScenario(name);
}

/** --replay: the recording, read before listening so a bad file is a usage error. */
function loadRecording(o: CliOptions, scenario: ScenarioDef | undefined): Recording | undefined {
  if (o.replay === undefined) {
    if (o.loop === true) throw new RangeError('--loop needs --replay');
    return undefined;
  }
  if (scenario !== undefined) throw new RangeError('--replay and --scenario cannot be combined');
  return readRecording(o.replay);
}

/** A running cti-sim: what `main` starts; tests and tools can start the same in-process with launch(). */
export interface CtiSimRun {
  /** The side serving clients now (side A, or side B after a switchover). */
  readonly sim: CtiSimulator;
  /** With --side-b-port. */
  readonly pair?: CtiSimulatorPair;
  /** Side A's address, then side B's. */
  readonly addresses: { host: string; port: number }[];
  /** The scenario being played, undefined for none. */
  readonly scenario?: ScenarioDef;
  /** Stops the scenario loop, the replay and the simulator(s). */
  stop(): Promise<void>;
}

/**
 * Starts what the command line asks for: the simulator (or a duplexed pair), faults, the scenario loop
 * (the default scenario when none is given) or a replay. Throws a RangeError for a usage error and the
 * listener's error when it cannot listen.
 */
export async function launch(argv: string[], logger?: (line: string) => void): Promise<CtiSimRun> {
  const o = parseArgs(argv);
  const scenario = scenarioOf(o);
  const recording = loadRecording(o, scenario);
  // A replay keeps the simulator's clock real (idle timeouts as configured); --speed paces the recording.
  const clock: SimClock =
    o.speed !== undefined && recording === undefined ? new AcceleratedClock(o.speed) : new RealClock();
  const agents: string | AgentSpec[] | undefined = o.agents ?? scenario?.agents;
  const common = {
    host: o.host,
    password: o.password,
    clientId: o.clientId,
    peripheralId: o.peripheralId ?? recording?.header.peripheralId,
    peripheralType: o.peripheralType,
    agents,
    skillGroups: o.skillGroups ?? scenario?.skillGroups,
    teams: o.teams ?? scenario?.teams,
    wrapup: o.wrapup ?? scenario?.wrapup,
    clock,
    logger,
    debug: o.log === 'debug',
    versions: o.versions,
    eccVariables: o.eccVariables,
    eccArrays: o.eccArrays,
  };
  let pair: CtiSimulatorPair | undefined;
  let sideA: CtiSimulator;
  let addresses: { host: string; port: number }[];
  if (o.sideBPort !== undefined) {
    pair = new CtiSimulatorPair({ ...common, port: o.port, sideBPort: o.sideBPort });
    const addrs = await pair.start();
    addresses = [addrs.sideA, addrs.sideB];
    sideA = pair.sideA;
  } else {
    sideA = new CtiSimulator({ ...common, port: o.port });
    addresses = [await sideA.start()];
  }
  const current = (): CtiSimulator => pair?.active ?? sideA;
  const switchover = pair !== undefined ? (): void => void pair!.switchover() : undefined;
  // A maintenance that cannot start (the other side still in maintenance) is logged, never an unhandled rejection.
  const maintenance =
    pair !== undefined
      ? (): void => void pair!.maintenance().catch((err: Error) => logger?.(`maintenance not started: ${err.message}`))
      : undefined;
  try {
    for (const f of o.faults) current().applyFault(f, switchover, maintenance);
  } catch (err) {
    logger?.(`fault not applied: ${err instanceof Error ? err.message : String(err)}`);
  }
  let stopping = false;
  if (scenario !== undefined) {
    logger?.(
      `scenario "${scenario.name ?? o.scenario}"${o.scenario === undefined ? ' (the default; --scenario none for no calls)' : ''}`,
    );
    void runLoop(current, scenario, o, () => stopping, logger);
  }
  if (recording !== undefined) {
    const r = replay(sideA, recording, { speed: o.speed, loop: o.loop });
    logger?.(`replaying ${o.replay}: ${r.frameCount} frames to every client that opens a session`);
  }
  return {
    get sim() {
      return current();
    },
    pair,
    addresses,
    scenario,
    stop: async () => {
      stopping = true;
      await (pair !== undefined ? pair.stop() : sideA.stop());
    },
  };
}

/** Runs the CLI; resolves with the exit code once the simulator has stopped (or at once on a usage error). */
export async function main(argv: string[]): Promise<number> {
  let o: CliOptions;
  try {
    o = parseArgs(argv);
    if (o.help) {
      process.stdout.write(HELP);
      return 0;
    }
    // Usage errors (an unknown scenario, a bad recording) before anything listens.
    loadRecording(o, scenarioOf(o));
  } catch (err) {
    process.stderr.write(`cti-sim: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
    return 2;
  }
  const logger =
    o.log === 'quiet'
      ? undefined
      : (line: string): void => void process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  // Signal handlers first: a SIGINT right after the listening line must still close cleanly.
  let run: CtiSimRun | undefined;
  let stopping = false;
  const done = new Promise<number>((resolve) => {
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      logger?.(`${signal}: closing`);
      void (run?.stop() ?? Promise.resolve()).then(() => resolve(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  try {
    run = await launch(argv, logger);
  } catch (err) {
    process.stderr.write(`cti-sim: cannot listen: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
    return 1;
  }
  const [a, b] = run.addresses;
  process.stdout.write(`cti-sim listening on ${a.host}:${a.port}\n`);
  if (b !== undefined) process.stdout.write(`cti-sim side B listening on ${b.host}:${b.port}\n`);
  if (stopping) await run.stop();
  const code = await done;
  process.exitCode = code;
  return code;
}

/**
 * Plays the scenario again and again while the simulator runs. Without a rate, each round waits until a
 * client has a session open, so someone who just connected sees whole calls.
 */
async function runLoop(
  current: () => CtiSimulator,
  scenario: ScenarioDef,
  o: CliOptions,
  stopping: () => boolean,
  logger?: (l: string) => void,
): Promise<void> {
  let started = 0;
  try {
    if (o.rate !== undefined) {
      await current().runScenario(scenario, { rate: o.rate, calls: o.calls ?? Number.MAX_SAFE_INTEGER });
      return;
    }
    while (!stopping() && (o.calls === undefined || started < o.calls)) {
      const sim = current();
      if (sim.openSessionCount === 0) {
        await waitUntil(() => sim.openSessionCount > 0 || stopping() || sim.isStopped);
        if (stopping() || sim.isStopped) return;
      }
      const n = o.calls === undefined ? scenario.calls.length : Math.min(scenario.calls.length, o.calls - started);
      await sim.runScenario(scenario, { calls: n });
      started += n;
      if (!(await sim.sleep(o.intervalMs))) return;
    }
  } catch (err) {
    logger?.(`scenario stopped: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Polls a condition (only the CLI's between-rounds wait; nothing timing-sensitive). */
function waitUntil(cond: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (cond()) return resolve();
    const t = setInterval(() => {
      if (cond()) {
        clearInterval(t);
        resolve();
      }
    }, 50);
  });
}

if (require.main === module) {
  void main(process.argv.slice(2));
}
