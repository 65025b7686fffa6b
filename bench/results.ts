/**
 * What every bench file writes: rows printed as one table and merged into bench/results.json under the
 * bench's section (codec, e2e, memory …), so `npm run bench` leaves one file with the whole run's figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchRow {
  /** What was measured, e.g. "end to end, 1 cti-event node". */
  name: string;
  value: number;
  unit: string;
  /** A ratio against the baseline measured in the same run, when there is one (e.g. 0.62 of a Node-RED hop). */
  ratio?: number;
  /** The baseline the ratio is against, e.g. "function → function hop". */
  baseline?: string;
  /** The target for this row, as text (e.g. "≥ 0.6×"). */
  target?: string;
}

/** BENCH_RESULTS overrides the file (the smoke run in npm test writes elsewhere, not into the work tree). */
export const RESULTS_FILE = process.env.BENCH_RESULTS ?? path.join(__dirname, 'results.json');

function fmt(n: number): string {
  if (Number.isInteger(n) || Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  return n.toPrecision(3);
}

/** Prints the rows as one aligned table. */
export function printTable(title: string, rows: BenchRow[]): void {
  const cells = rows.map((r) => [
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}× ${r.baseline ?? ''}`.trim(),
    r.target ?? '',
  ]);
  const head = ['measure', 'value', 'ratio', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string => c.map((x, i) => x.padEnd(widths[i])).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

/** Merges this bench's rows into bench/results.json (other sections are kept). */
export function writeResults(section: string, rows: BenchRow[], file = RESULTS_FILE): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    /* first bench of the run, or an unreadable file: start afresh */
  }
  all[section] = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg()[0],
    rows,
  };
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}

/** printTable + writeResults. */
export function report(section: string, title: string, rows: BenchRow[]): void {
  printTable(title, rows);
  writeResults(section, rows);
}
