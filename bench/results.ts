/**
 * bench/results.json: one file for every bench of `npm run bench`, one section per bench (codec, end to end, …).
 * Each bench replaces only its own section, so benches can run alone or in sequence.
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';

export const RESULTS_FILE = path.join(__dirname, 'results.json');

export function writeResults(section: string, data: unknown): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    // absent or unreadable: start afresh
  }
  all[section] = { at: new Date().toISOString(), ...(data as object) };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
}
