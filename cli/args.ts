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

/** The options every CLI of the package has. */
export interface CommonOptions {
  help: boolean;
  host?: string;
  port?: number;
}

/**
 * Applies --help/-h, --host and --port to `o`; false for any other flag. `lowestPort` differs per CLI: cti-sim
 * listens, and 0 asks the OS for a free port; cti-record connects, and needs a real one.
 */
export function commonFlag(o: CommonOptions, flag: string, value: () => string, lowestPort: 0 | 1): boolean {
  switch (flag) {
    case '--help':
    case '-h':
      o.help = true;
      return true;
    case '--host':
      o.host = value();
      return true;
    case '--port':
      o.port = intArg(flag, value(), lowestPort, 65535);
      return true;
    default:
      return false;
  }
}
