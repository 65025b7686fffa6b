/**
 * Writing code as text for the generated encoders and decoders, with the helper calls checked by tsc: the
 * generated code reaches helpers only through `h.name(...)` strings built by `caller`, whose name and argument
 * count come from the helpers' interface. Renaming a helper or changing its parameters breaks the build here.
 */

/** A JavaScript expression or statement, as text. */
export type Code = string;

/** One piece of code per parameter of a helper. */
export type CodeArgs<P extends unknown[]> = { [I in keyof P]: Code };

type AnyFunction = (...args: never[]) => unknown;

/** A call writer for the helper object `h` of interface H. */
export function caller<H extends { [K in keyof H]: AnyFunction }>(): <K extends keyof H & string>(
  name: K,
  ...args: CodeArgs<Parameters<H[K]>>
) => Code {
  return (name, ...args) => `h.${name}(${args.join(', ')})`;
}

/** A property of object `obj` (a literal name, so V8 sees a named access). */
export function prop(obj: string, key: string): Code {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${obj}.${key}` : `${obj}[${JSON.stringify(key)}]`;
}

/** A function name for generated code: `decode_CALL_DELIVERED_EVENT_v24`. */
export function generatedName(kind: string, messageName: string, version: number): string {
  return `${kind}_${messageName.replace(/\W/g, '_')}_v${version}`;
}
