/**
 * Orders over a child process's IPC channel for the many-PG bench: the bench forks each simulator and the
 * consumer as a TypeScript child (`node -r tsx/cjs`), sends `{ id, cmd, ...args }` and gets `{ id, result }` or
 * `{ id, error }` back; a child may also send `{ event, ... }` on its own (e.g. "the session opened").
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

export interface Child {
  readonly proc: ChildProcess;
  readonly name: string;
  call<T>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  /** Resolves with the first `{ event }` message of that name the child sends (also one sent before the call). */
  event<T>(name: string): Promise<T>;
  output(): string;
  stop(): Promise<void>;
}

interface Reply {
  id?: number;
  result?: unknown;
  error?: string;
  event?: string;
}

/** Forks `file` (a path under bench/pgs) with `env`; it serves orders with serve(). */
export function forkChild(name: string, file: string, env: NodeJS.ProcessEnv = {}): Child {
  const proc = fork(path.join(__dirname, file), [], {
    cwd: ROOT,
    execArgv: ['-r', 'tsx/cjs'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  const keep = (d: Buffer): void => {
    out += d.toString();
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const events = new Map<string, unknown>();
  const eventWaiters = new Map<string, Array<(v: unknown) => void>>();
  proc.on('message', (m: Reply) => {
    if (m.event !== undefined) {
      events.set(m.event, m);
      for (const w of eventWaiters.get(m.event) ?? []) w(m);
      eventWaiters.delete(m.event);
      return;
    }
    const w = waiting.get(m.id!);
    waiting.delete(m.id!);
    if (m.error !== undefined) w?.reject(new Error(`${name}: ${m.error}`));
    else w?.resolve(m.result);
  });
  const exited = new Promise<void>((resolve) =>
    proc.once('exit', (code, signal) => {
      const err = new Error(`${name} exited (${code ?? signal}):\n${out}`);
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
      resolve();
    }),
  );
  return {
    proc,
    name,
    call: <T>(cmd: string, args: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        if (proc.exitCode !== null || proc.signalCode !== null) {
          reject(new Error(`${name} is not running:\n${out}`));
          return;
        }
        const id = nextId++;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        proc.send({ id, cmd, ...args });
      }),
    event: <T>(event: string) =>
      new Promise<T>((resolve, reject) => {
        if (events.has(event)) return resolve(events.get(event) as T);
        if (proc.exitCode !== null || proc.signalCode !== null)
          return reject(new Error(`${name} is not running:\n${out}`));
        const list = eventWaiters.get(event) ?? [];
        list.push(resolve as (v: unknown) => void);
        eventWaiters.set(event, list);
        void exited.then(() => reject(new Error(`${name} exited before "${event}":\n${out}`)));
      }),
    output: () => out,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        await exited;
      }
    },
  };
}

type Commands = Record<string, (args: Record<string, unknown>) => unknown>;

/** The child's side: answers each order with its command's result (or its error). */
export function serve(commands: Commands): void {
  process.on('message', (m: { id: number; cmd: string } & Record<string, unknown>) => {
    Promise.resolve()
      .then(() => {
        const run = commands[m.cmd];
        if (run === undefined) throw new Error(`unknown command ${m.cmd}`);
        return run(m);
      })
      .then(
        (result) => process.send!({ id: m.id, result: result ?? {} }),
        (err: unknown) => process.send!({ id: m.id, error: String((err instanceof Error && err.stack) || err) }),
      );
  });
}
