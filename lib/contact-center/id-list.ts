/** Lists users type in a config field: "1001-1005, 2001, agent.x" → each id; ranges of whole numbers expand. */

const MAX_RANGE = 10000;

export function parseIdList(spec: string | undefined, what: string): string[] {
  const out: string[] = [];
  for (const part of (spec ?? '').split(/[,\s]+/)) {
    if (part === '') continue;
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (range === null) {
      out.push(part);
      continue;
    }
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to < from || to - from >= MAX_RANGE)
      throw new RangeError(`${what}: "${part}" is not a range of at most ${MAX_RANGE} numbers`);
    for (let n = from; n <= to; n++) out.push(String(n));
  }
  return out;
}

/** The same for numbers (skill groups); anything else is an error naming the field. */
export function parseNumberList(spec: string | undefined, what: string): number[] {
  return parseIdList(spec, what).map((id) => {
    if (!/^\d+$/.test(id)) throw new RangeError(`${what}: "${id}" is not a whole number`);
    return Number(id);
  });
}
