/** Figures and checks shared by the switchover cases: gaps as median / worst, and "nothing twice" as a flow sees it. */

/** `median 12 ms, worst 40 ms (n = 3: 12, 40, 9)` */
export function gapFigures(gaps: readonly number[]): string {
  if (gaps.length === 0) return 'no gap measured';
  const sorted = [...gaps].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return `median ${median} ms, worst ${sorted[sorted.length - 1]} ms (n = ${gaps.length}: ${gaps.join(', ')})`;
}

/**
 * A flow sees an event of a call (type + ConnectionCallID) a second time only as a restatement after a switchover
 * (`msg.call.restated`, lib/calls): the keys received again without that mark. `restated[i]` belongs to
 * `received[i]`.
 */
export function repeatedOnlyAsRestated(
  received: readonly string[],
  restated: ReadonlyArray<string | undefined>,
): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  received.forEach((key, i) => {
    if (seen.has(key) && restated[i] === undefined) twice.push(`${key} (#${i})`);
    seen.add(key);
  });
  return twice;
}
