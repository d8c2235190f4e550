import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Progress } from '../../src/model/progress.js';
import { loadingFrame } from './loading-frame.js';
import { loadingThread, type LoadingMessage } from './loading-thread.js';

/**
 * Explore's loading screen, seen from the main thread: steps and progress go to the loading
 * thread (loading-thread.ts), which draws them and answers q and Ctrl-C while this thread is
 * busy. The thread starts from its source text because the command line is one bundle (a
 * worker's code is a file or a text); it takes about 30 ms to start and is sent only steps,
 * a few times a second, and nothing is sent back.
 */
export class LoadingScreen {
  private lastPosted = -Infinity;
  private lastStep = '';

  private constructor(
    private readonly worker: Worker,
    private readonly ended: Promise<unknown>,
  ) {}

  /** Starts the thread, and returns once it reads the keyboard. */
  static async start(options: { columns: number; delayMs?: number }): Promise<LoadingScreen> {
    const source = `(${loadingThread.toString()})(require, ${loadingFrame.toString()}, ${Number(options.columns) || 80}, ${Number(options.delayMs ?? 250)})`;
    const worker = new Worker(source, { eval: true });
    worker.on('error', () => {}); // no screen is no reason to stop: the loading goes on without it
    const ended = once(worker, 'exit');
    await Promise.race([once(worker, 'online'), ended]);
    return new LoadingScreen(worker, ended);
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

  /** Erases the screen and gives the terminal back; resolves once the thread has ended. */
  async stop(): Promise<void> {
    this.post('stop');
    await this.ended;
  }

  private post(m: LoadingMessage): void {
    this.worker.postMessage(m);
  }
}
