/**
 * cti-server, part "recording": the "record to file" option. The recorder taps the session from outside
 * (recordSession, lib/record) from before the first connection attempt, and its file is complete on disk before
 * a redeploy goes on. A file that cannot be written is said once, when the session opens.
 */
import type { Node } from 'node-red';
import { recordSession, type Recorder, type RecorderOptions } from '../../../lib/record';
import type { CtiSession } from '../../../lib/session';
import type { Translate } from '../i18n';

export class ServerRecording {
  private recorder: Recorder | undefined;
  private warned = false;

  constructor(
    private readonly node: Node,
    private readonly t: Translate,
  ) {}

  /** Starts recording a session not yet opened. Throws when the file cannot be created. */
  attach(session: CtiSession, options: RecorderOptions | undefined): void {
    this.recorder = options === undefined ? undefined : recordSession(session, options);
    if (options !== undefined) this.node.log(this.t('cti-server.log.recording', { path: options.path }));
  }

  /** At an open: a recording that failed to write is worth one warning (the session goes on without it). */
  checkAtOpen(): void {
    const error = this.recorder?.stats.lastError;
    if (error === undefined || this.warned) return;
    this.warned = true;
    this.node.warn(this.t('cti-server.log.record-failed', { error: error.message }));
  }

  /**
   * Resolves once the file is complete; the next session gets its own recorder. Undefined when nothing records:
   * the owner's close then takes no extra turn of the event loop.
   */
  close(): Promise<void> | undefined {
    const r = this.recorder;
    this.recorder = undefined;
    return r?.close();
  }
}
