#!/usr/bin/env node
/**
 * cti-record: opens a CTI session (All Events by default) and records every frame to a JSON Lines file,
 * PII masked unless --no-mask. Stops after --duration or on SIGINT / SIGTERM and prints a summary.
 */
import { commonFlag, intArg, walkArgs } from './args';
import { parseDuration } from '../lib/simulator/clock';
import { CtiSession, type CtiEndpoint, type CtiSessionOptions } from '../lib/session';
import { recordSession, type Recorder, type RecorderStats } from '../lib/record';

const HELP = `Usage: cti-record --host <addr> --port <n> --out <file> [options]

Records a live CTI Server session to a JSON Lines file (see the README, "Recording and replay").
Caller and customer data (ANI, DNIS, dialed number, caller-entered digits, call variables, ECC values,
customer phone / account number) are replaced by consistent pseudonyms unless --no-mask.

Options:
  --host <addr>            CTI Server side A (required)
  --port <n>               side A port (required)
  --side-b <host:port>     side B of a duplexed CTI Server
  --out <file>             the recording to write (required; an existing one is kept as <file>.1)
  --version <n|auto>       protocol version (15-25); default auto (the session's default)
  --services <names>       comma-separated CTI services, e.g. ALL_EVENTS,CALL_DATA_UPDATE (default ALL_EVENTS)
  --peripheral-id <n>      PeripheralID to ask for
  --client-id <id>         ClientID sent in OPEN_REQ (default cti-record); the password is read from the
                           environment variable CTI_CLIENT_PASSWORD (never written to the recording)
  --duration <d>           stop after this long, e.g. 90s, 10m, 2h (default: until Ctrl-C)
  --max-bytes <n>          rotate the file before it grows past n bytes (file.1, file.2, …)
  --max-files <n>          files kept with --max-bytes, the current one included (default 5)
  --no-mask                record caller and customer data as they are
  --mask-agents            also mask agent IDs, names, extensions, instruments and device IDs
  --quiet                  no session state lines on stderr
  --help                   show this help

Prints a summary (frames, bytes, duration) when it stops. Exit code 0 on a clean stop, 1 when the file could
not be written, 2 on a usage error.
`;

export interface RecordCliOptions {
  host?: string;
  port?: number;
  sideB?: CtiEndpoint;
  out?: string;
  version?: number;
  services?: string[];
  peripheralId?: number;
  clientId: string;
  durationMs?: number;
  maxBytes?: number;
  maxFiles?: number;
  mask: boolean;
  maskAgents: boolean;
  quiet: boolean;
  help: boolean;
}

/** Parses the command line; throws a RangeError with a readable message. */
export function parseRecordArgs(argv: string[]): RecordCliOptions {
  const o: RecordCliOptions = { clientId: 'cti-record', mask: true, maskAgents: false, quiet: false, help: false };
  walkArgs(argv, (flag, value, arg) => {
    if (commonFlag(o, flag, value, 1)) return;
    switch (flag) {
      case '--side-b': {
        const m = /^(.+):(\d+)$/.exec(value());
        if (m === null) throw new RangeError('--side-b needs <host>:<port>');
        o.sideB = { host: m[1], port: intArg(flag, m[2], 1, 65535) };
        break;
      }
      case '--out':
        o.out = value();
        break;
      case '--version': {
        const v = value();
        o.version = v === 'auto' ? undefined : intArg(flag, v, 15, 25);
        break;
      }
      case '--services':
        o.services = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        if (o.services.length === 0) throw new RangeError('--services needs comma-separated service names');
        break;
      case '--peripheral-id':
        o.peripheralId = intArg(flag, value(), 0, 0xffffffff);
        break;
      case '--client-id':
        o.clientId = value();
        break;
      case '--duration':
        o.durationMs = parseDuration(value());
        if (o.durationMs <= 0) throw new RangeError('--duration must be longer than 0');
        break;
      case '--max-bytes':
        o.maxBytes = intArg(flag, value(), 1, Number.MAX_SAFE_INTEGER);
        break;
      case '--max-files':
        o.maxFiles = intArg(flag, value(), 1, 1000);
        break;
      case '--no-mask':
        o.mask = false;
        break;
      case '--mask':
        o.mask = true;
        break;
      case '--mask-agents':
        o.maskAgents = true;
        break;
      case '--quiet':
        o.quiet = true;
        break;
      default:
        throw new RangeError(`unknown option "${arg}" (see --help)`);
    }
  });
  if (!o.help) {
    if (o.host === undefined || o.port === undefined) throw new RangeError('--host and --port are required');
    if (o.out === undefined) throw new RangeError('--out <file> is required');
  }
  return o;
}

export function summary(out: string, stats: RecorderStats, masked: boolean): string {
  const m = stats.mask;
  const parts = [
    `cti-record: ${stats.frames} frames, ${stats.bytesWritten} bytes, ${formatDuration(stats.durationMs)} recorded to ${out}`,
    masked ? `masked (${m.fieldsMasked} fields)` : 'not masked',
  ];
  if (stats.rotations > 0) parts.push(`${stats.rotations} rotations`);
  if (m.framesDropped > 0) parts.push(`${m.framesDropped} frames without content (could not be masked)`);
  if (stats.linesDropped > 0) parts.push(`${stats.linesDropped} lines lost (disk too slow or failing)`);
  return parts.join('; ');
}

function formatDuration(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return `${m}m ${Math.round(s - m * 60)}s`;
}

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  let o: RecordCliOptions;
  try {
    o = parseRecordArgs(argv);
  } catch (err) {
    process.stderr.write(`cti-record: ${(err as Error).message}\n`);
    return 2;
  }
  if (o.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const out = o.out!;
  const options: CtiSessionOptions = {
    sideA: { host: o.host!, port: o.port! },
    ...(o.sideB !== undefined ? { sideB: o.sideB } : {}),
    clientId: o.clientId,
    clientPassword: process.env.CTI_CLIENT_PASSWORD ?? '',
    ...(o.version !== undefined ? { version: o.version } : {}),
    ...(o.services !== undefined ? { services: o.services } : {}),
    ...(o.peripheralId !== undefined ? { peripheralId: o.peripheralId } : {}),
  };
  let session: CtiSession;
  try {
    session = new CtiSession(options);
  } catch (err) {
    process.stderr.write(`cti-record: ${(err as Error).message}\n`);
    return 2;
  }
  let recorder: Recorder;
  try {
    // Tapped before open(): the recording starts with the first connection attempt.
    recorder = recordSession(session, {
      path: out,
      maxBytes: o.maxBytes,
      maxFiles: o.maxFiles,
      mask: o.mask,
      maskAgents: o.maskAgents,
    });
  } catch (err) {
    process.stderr.write(`cti-record: ${(err as Error).message}\n`);
    return 1;
  }
  if (!o.quiet) {
    session.on('state', (info: { state: string; reason: string }) => {
      process.stderr.write(`${new Date().toISOString()} ${info.state}: ${info.reason}\n`);
    });
  }
  // A listener keeps a refused or dropped link from being an unhandled 'error'; the state line tells it.
  session.on('error', () => undefined);
  let durationTimer: NodeJS.Timeout | undefined;
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
    if (o.durationMs !== undefined) durationTimer = setTimeout(() => resolve('duration reached'), o.durationMs);
  });
  process.stdout.write(`cti-record: recording ${o.host}:${o.port} to ${out}\n`);
  session.open().catch(() => undefined); // keeps retrying in the background; state lines tell the story
  const why = await stopped;
  clearTimeout(durationTimer);
  if (!o.quiet) process.stderr.write(`${new Date().toISOString()} ${why}: stopping\n`);
  await session.close();
  await recorder.close();
  const stats = recorder.stats;
  process.stdout.write(`${summary(out, stats, o.mask || o.maskAgents)}\n`);
  if (stats.lastError !== undefined) {
    process.stderr.write(`cti-record: writing ${out} failed: ${stats.lastError.message}\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
