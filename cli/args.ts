/** Command-line parsing shared by the package's CLIs (cti-sim, cti-record): `--flag value` and `--flag=value`. */

/**
 * Calls `onFlag(flag, value)` for each argument; `value()` takes the flag's value (inline after '=' or the next
 * argument) and throws a RangeError naming the flag when there is none.
 */
export function walkArgs(argv: string[], onFlag: (flag: string, value: () => string, arg: string) => void): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    onFlag(
      flag,
      () => {
        if (inline !== undefined) return inline;
        const v = argv[++i];
        if (v === undefined) throw new RangeError(`${flag} needs a value`);
        return v;
      },
      arg,
    );
  }
}

/** An integer option within [min, max], or a RangeError naming the option. */
export function intArg(name: string, v: string | undefined, min = 0, max = 0xffffffff): number {
  const n = Number(v);
  if (v === undefined || !Number.isInteger(n) || n < min || n > max)
    throw new RangeError(`${name} needs an integer ${min}..${max}, got "${v ?? ''}"`);
  return n;
}
