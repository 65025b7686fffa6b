/** What a test leaves behind, and what escapes it. */

/**
 * Live handles by kind (sockets, timers, servers). FSReq* entries are left out: the TypeScript loader reads
 * files in the background, which has nothing to do with the code under test.
 */
export function handleCounts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) if (!r.startsWith('FSReq')) out[r] = (out[r] ?? 0) + 1;
  return out;
}

/** Collects uncaught exceptions and unhandled rejections between start() and stop(). */
export function watchEscapes(): { readonly escaped: unknown[]; start(): void; stop(): void } {
  const escaped: unknown[] = [];
  const onEscape = (err: unknown): void => {
    escaped.push(err);
  };
  return {
    escaped,
    start(): void {
      process.on('uncaughtException', onEscape);
      process.on('unhandledRejection', onEscape);
    },
    stop(): void {
      process.off('uncaughtException', onEscape);
      process.off('unhandledRejection', onEscape);
    },
  };
}
