import type { Progress } from '../src/model/progress.js';
import type { Io } from './io.js';

/**
 * A status line on stderr for steps that take a while, at a terminal only: nothing during the
 * first second (quick commands print nothing more), then the step and how far it is, redrawn
 * at most ten times a second on one line, and erased before the answer is printed.
 */
export class TerminalProgress {
  private readonly started: number;
  private lastDrawn = -Infinity;
  private shown = false;

  constructor(
    private readonly write: (raw: string) => void,
    private readonly now: () => number = () => performance.now(),
    private readonly delayMs = 1000,
  ) {
    this.started = now();
  }

  readonly tick: Progress = (step, done, total) => {
    const t = this.now();
    if (t - this.started < this.delayMs || t - this.lastDrawn < 100) return;
    this.lastDrawn = t;
    const share = total > 0 ? ` ${Math.min(100, Math.floor((100 * done) / total))}%` : '';
    // Steps are the library's own words (no input in them), so the line is written as it is.
    this.write(`\r${step}…${share}\x1b[K`);
    this.shown = true;
  };

  /** Erases the line, if one was drawn. */
  clear(): void {
    if (!this.shown) return;
    this.write('\r\x1b[K');
    this.shown = false;
  }
}

const reporters = new WeakMap<Pick<Io, 'statusLine'>, TerminalProgress>();

/** The command's progress reporter: undefined unless stderr is a terminal (io.statusLine). */
export function progressFor(io: Pick<Io, 'statusLine'>): Progress | undefined {
  if (!io.statusLine) return undefined;
  let p = reporters.get(io);
  if (!p) reporters.set(io, (p = new TerminalProgress(io.statusLine)));
  return p.tick;
}

/** Erases the status line before output goes to the terminal. */
export function clearProgress(io: Pick<Io, 'statusLine'>): void {
  reporters.get(io)?.clear();
}
