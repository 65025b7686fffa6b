/**
 * What the session has learnt from opening, across links: the version to offer (version 'auto' steps down), the
 * OPEN_CONF in force, whether it was ever open (a re-open means events may have been missed), whether the
 * peripheral is online, and the open() caller waiting for the first OPEN_CONF.
 */
import { SUPPORTED_VERSIONS, type CtiMessage } from '../protocol';
import { deferred, type Deferred } from './deferred';
import { isStandbyOpenConf, peripheralOnlineIn } from './open-handshake';
import type { ResolvedOptions } from './options';

export class OpenProgress {
  /** The version offered next: the fixed one; with 'auto' the highest, then each one refused steps it down. */
  version: number;
  conf: CtiMessage | undefined;
  peripheralOnline = true;
  /** true from a re-open following a lost link until the session closes. */
  missedEvents = false;
  private everOpened = false;
  private standbyBounces = 0;
  private waiter: Deferred<CtiMessage> | null = null;

  constructor(private readonly options: Readonly<ResolvedOptions>) {
    this.version = options.version;
  }

  /** open() on a stopped session: nothing is missed until it has been open again. */
  restart(): void {
    this.missedEvents = false;
  }

  /** The open() promise: the one already waiting, or a new one. */
  wait(): Promise<CtiMessage> {
    if (this.waiter) return this.waiter.promise;
    this.waiter = deferred<CtiMessage>();
    // Nobody awaiting the promise must not turn into an unhandled rejection.
    this.waiter.promise.catch(() => undefined);
    return this.waiter.promise;
  }

  /** The open() caller hears once; later attempts go on in the background. */
  resolve(conf: CtiMessage): void {
    const w = this.waiter;
    this.waiter = null;
    w?.resolve(conf);
  }

  reject(err: Error): void {
    const w = this.waiter;
    this.waiter = null;
    w?.reject(err);
  }

  /**
   * An OPEN_CONF from the standby side on the first try: with two sides the other one is tried once (it is
   * likely the active one). Unsure: when the other side did not take the session either, chose to stay on the
   * standby and wait for its STANDBY_ACTIVE_EVENT (the guide: the standby sends it when it becomes active).
   */
  bounceFromStandby(conf: CtiMessage): 'other-side' | 'stay' | 'active' {
    if (!isStandbyOpenConf(conf, this.options)) return 'active';
    if (this.options.sides.length > 1 && this.standbyBounces === 0) {
      this.standbyBounces++;
      return 'other-side';
    }
    return 'stay';
  }

  /** The OPEN_CONF is taken. Returns true for a re-open after a lost link. */
  accepted(conf: CtiMessage): boolean {
    this.conf = conf;
    this.standbyBounces = 0;
    this.peripheralOnline = peripheralOnlineIn(conf);
    const reopened = this.everOpened;
    if (reopened) this.missedEvents = true;
    this.everOpened = true;
    return reopened;
  }

  /** A planned move (maintenance mode): the other side's OPEN_CONF is in force; nothing was missed, so no re-open. */
  moved(conf: CtiMessage): void {
    this.conf = conf;
    this.standbyBounces = 0;
    this.peripheralOnline = peripheralOnlineIn(conf);
    this.everOpened = true;
  }

  /**
   * version 'auto' and the server refused the version offered: the next one down, or undefined when none is left
   * (the configuration is refused; retried from the highest — the server may be upgraded meanwhile).
   */
  stepDown(): number | undefined {
    const lower = SUPPORTED_VERSIONS.filter((v) => v < this.version);
    this.version = lower.length === 0 ? this.options.version : lower[lower.length - 1];
    return lower.length === 0 ? undefined : this.version;
  }
}
