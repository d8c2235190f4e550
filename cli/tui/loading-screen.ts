import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Progress } from '../../src/model/progress.js';
import { loadingFrame } from './loading-frame.js';
import { loadingThread, type LoadingMessage } from './loading-thread.js';

/**
 * Explore's loading screen, seen from the main thread: steps and progress go to the loading
 * thread (loading-thread.ts), which draws them and answers q and Ctrl-C while this thread is
 * busy. The thread starts from its source text because the command line is one bundle (a
 * worker's code is a file or a text). Starting it costs this thread next to nothing: a thread
 * takes about 0.2 s to boot on a loaded 2-core machine, and boots while the loading goes on;
 * when the loading ends first, the thread never touches the terminal and is ended (`stop`).
 * It is sent only steps, at most twenty times a second, and nothing comes back.
 */
export class LoadingScreen {
  private lastPosted = -Infinity;
  private lastStep = '';

  private constructor(
    private readonly worker: Worker,
    private readonly ended: Promise<unknown>,
    /** 0: nobody yet; 1: the thread took the terminal; 2: this thread was done first. */
    private readonly turn: Int32Array,
  ) {}

  /** Starts the thread; returns at once. */
  static start(options: { columns: number; delayMs?: number }): LoadingScreen {
    const turn = new Int32Array(new SharedArrayBuffer(4));
    const source = `(${loadingThread.toString()})(require, ${loadingFrame.toString()}, ${Number(options.columns) || 80}, ${Number(options.delayMs ?? 250)})`;
    const worker = new Worker(source, { eval: true, workerData: turn });
    worker.on('error', () => {}); // no screen is no reason to stop: the loading goes on without it
    return new LoadingScreen(worker, once(worker, 'exit'), turn);
  }

  /** Posts at most twenty times a second, and at once when the step changes. */
  readonly progress: Progress = (step, done, total) => {
    const t = performance.now();
    if (step === this.lastStep && t - this.lastPosted < 50) return;
    this.lastStep = step;
    this.lastPosted = t;
    this.post({ step, done, total });
  };

  /** A step without a count. */
  step(text: string): void {
    this.progress(text, 0, 0);
  }

  /** Erases the screen and gives the terminal back (or ends a thread that never took it); resolves once the thread has ended. */
  async stop(): Promise<void> {
    if (Atomics.compareExchange(this.turn, 0, 0, 2) === 0) await this.worker.terminate();
    else this.post('stop');
    await this.ended;
  }

  private post(m: LoadingMessage): void {
    this.worker.postMessage(m);
  }
}
