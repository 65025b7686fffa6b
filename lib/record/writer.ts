/**
 * Appends lines to a file without holding up the caller: lines are queued in memory and written in batches by
 * one asynchronous loop. The queue is bounded; when the disk cannot keep up, new lines are counted as dropped
 * instead of growing memory without end. With maxBytes the file is rotated (file → file.1 → file.2 …, at most
 * maxFiles files kept), and every new file starts with the line `firstLine()` gives (the recording header).
 */
import * as fs from 'node:fs';

export interface RotatingWriterOptions {
  path: string;
  /** Rotate before a file would grow past this many bytes. Default: never rotate. */
  maxBytes?: number;
  /** Files kept, the current one included (file, file.1, … file.<maxFiles-1>). Default 5. */
  maxFiles?: number;
  /** Bytes allowed to wait in memory for the disk. Default 8 MiB. */
  maxQueuedBytes?: number;
}

export interface WriterStats {
  linesWritten: number;
  bytesWritten: number;
  linesDropped: number;
  rotations: number;
  lastError?: Error;
}

export class RotatingWriter {
  readonly stats: WriterStats = { linesWritten: 0, bytesWritten: 0, linesDropped: 0, rotations: 0 };
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private readonly maxQueuedBytes: number;
  private fd: number;
  private fileBytes = 0;
  private queue: string[] = [];
  private queuedBytes = 0;
  private flushing: Promise<void> | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;

  /**
   * Opens the file at once, so a bad path is a clear error for the caller, not a silent loss later. A non-empty
   * file already there (the last recording, before a restart or a Node-RED redeploy) is rotated away first, never
   * overwritten. `firstLine` is written at the top of every rotated file.
   */
  constructor(
    private readonly opts: RotatingWriterOptions,
    private readonly firstLine?: () => string | undefined,
  ) {
    if (opts.maxBytes !== undefined && !(opts.maxBytes > 0)) throw new RangeError('maxBytes must be a positive number');
    if (opts.maxFiles !== undefined && !(Number.isInteger(opts.maxFiles) && opts.maxFiles >= 1))
      throw new RangeError('maxFiles must be an integer of at least 1');
    this.maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
    this.maxFiles = opts.maxFiles ?? 5;
    this.maxQueuedBytes = opts.maxQueuedBytes ?? 8 * 1024 * 1024;
    if (fs.existsSync(opts.path) && fs.statSync(opts.path).size > 0) this.shiftFiles();
    this.fd = fs.openSync(opts.path, 'w');
  }

  get path(): string {
    return this.opts.path;
  }

  /** Queues one line (without its newline). Returns false when it was dropped (queue full or closed). */
  write(line: string): boolean {
    const size = Buffer.byteLength(line) + 1;
    if (this.closed || this.queuedBytes + size > this.maxQueuedBytes) {
      this.stats.linesDropped++;
      return false;
    }
    this.queue.push(line);
    this.queuedBytes += size;
    if (this.flushing === null) this.flushing = this.flushLoop();
    return true;
  }

  /** Resolves once everything queued so far is on disk (or dropped after an error). */
  async flush(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
  }

  /** Writes what is queued, then closes the file. Later writes are dropped. Safe to call more than once. */
  close(): Promise<void> {
    this.closed = true;
    this.closing ??= this.flush().then(
      () =>
        new Promise<void>((resolve) => {
          fs.close(this.fd, () => resolve());
        }),
    );
    return this.closing;
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        try {
          await this.writeBatch(batch);
        } catch (err) {
          // Disk full, file removed under us …: these lines are lost, counted; the next batch tries again.
          this.stats.lastError = err as Error;
          this.stats.linesDropped += batch.length;
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /** Lines for one write: up to a rotation boundary, so one file never goes past maxBytes because of a batch. */
  private takeBatch(): string[] {
    const batch: string[] = [];
    let bytes = 0;
    while (this.queue.length > 0) {
      const size = Buffer.byteLength(this.queue[0]) + 1;
      if (batch.length > 0 && (bytes + size > 256 * 1024 || this.fileBytes + bytes + size > this.maxBytes)) break;
      batch.push(this.queue.shift()!);
      this.queuedBytes -= size;
      bytes += size;
    }
    return batch;
  }

  private async writeBatch(batch: string[]): Promise<void> {
    let text = batch.join('\n') + '\n';
    if (this.fileBytes > 0 && this.fileBytes + Buffer.byteLength(text) > this.maxBytes) {
      await this.rotate();
    }
    if (this.fileBytes === 0 && this.firstLine !== undefined && this.stats.rotations > 0) {
      const head = this.firstLine();
      if (head !== undefined) text = `${head}\n${text}`;
    }
    const bytes = Buffer.from(text);
    await writeAll(this.fd, bytes);
    this.fileBytes += bytes.length;
    this.stats.bytesWritten += bytes.length;
    this.stats.linesWritten += batch.length;
  }

  private async rotate(): Promise<void> {
    await new Promise<void>((resolve) => fs.close(this.fd, () => resolve()));
    this.shiftFiles();
    this.fd = fs.openSync(this.opts.path, 'w');
    this.fileBytes = 0;
    this.stats.rotations++;
  }

  /** file → file.1 → file.2 …, the oldest beyond maxFiles removed (renames: metadata only, quick). */
  private shiftFiles(): void {
    const p = this.opts.path;
    if (this.maxFiles === 1) {
      fs.rmSync(p, { force: true });
      return;
    }
    fs.rmSync(`${p}.${this.maxFiles - 1}`, { force: true });
    for (let i = this.maxFiles - 2; i >= 1; i--) {
      if (fs.existsSync(`${p}.${i}`)) fs.renameSync(`${p}.${i}`, `${p}.${i + 1}`);
    }
    fs.renameSync(p, `${p}.1`);
  }
}

function writeAll(fd: number, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (offset: number): void => {
      fs.write(fd, bytes, offset, bytes.length - offset, null, (err, n) => {
        if (err) reject(err);
        else if (offset + n < bytes.length) step(offset + n);
        else resolve();
      });
    };
    step(0);
  });
}
