import type { LoadingState, loadingFrame } from './loading-frame.js';

/** What the main thread posts to the loading thread: the step it is at, or that it is done. */
export type LoadingMessage = Omit<LoadingState, 'elapsedMs'> | 'stop';

/**
 * The loading screen's thread. While the main thread loads the manifests and computes (work
 * that does not yield), this one keeps the terminal: it draws the frame ten times a second from
 * the last step posted, after `delayMs` (a quick start shows nothing), and reads the keyboard
 * in raw mode, so that q or Ctrl-C stop the command at once: it erases its lines, gives the
 * terminal back and interrupts the process (exit code 130, as Ctrl-C; Node resets the terminal
 * on the signal even while the main thread is busy). On 'stop' it erases its lines and gives
 * the terminal back, for the explorer to take it.
 *
 * It runs from its source text (loading-screen.ts): it imports nothing, and gets Node's
 * `require`, the frame function and its settings as arguments, and as workerData the word it
 * and the main thread race for (0 → 1: it takes the terminal; 0 → 2: the main thread was done first).
 */
export function loadingThread(req: NodeRequire, frame: typeof loadingFrame, columns: number, delayMs: number): void {
  const { parentPort, workerData } = req('node:worker_threads') as typeof import('node:worker_threads');
  // Who goes first (loading-screen.ts): this thread taking the terminal, or the main one, done before it starts.
  if (Atomics.compareExchange(workerData as Int32Array, 0, 0, 1) !== 0) return;
  const { writeSync } = req('node:fs') as typeof import('node:fs');
  const { ReadStream } = req('node:tty') as typeof import('node:tty');
  const started = Date.now();
  let state: Omit<LoadingState, 'elapsedMs'> = { step: 'starting', done: 0, total: 0 };
  let drawn = 0;

  /** Straight to the terminal: the main thread, which owns process.stdout, is busy. */
  const write = (raw: string): void => {
    let bytes = Buffer.from(raw);
    while (bytes.length > 0) {
      try {
        bytes = bytes.subarray(writeSync(1, bytes));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') return;
      }
    }
  };
  /** From the first line drawn, to the end of the screen. */
  const erase = (): string => (drawn > 1 ? `\x1b[${drawn - 1}A\r\x1b[J` : drawn === 1 ? '\r\x1b[J' : '');
  const draw = (): void => {
    const lines = frame({ ...state, elapsedMs: Date.now() - started }, columns);
    write(`${erase()}\x1b[?25l${lines.join('\r\n')}`);
    drawn = lines.length;
  };
  let timer: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    draw();
    timer = setInterval(draw, 100);
  }, delayMs);
  const input = new ReadStream(0);
  input.setRawMode(true);
  const release = (): void => {
    clearTimeout(first);
    clearInterval(timer);
    write(`${erase()}\x1b[?25h`);
    drawn = 0;
    input.setRawMode(false);
    input.destroy();
  };
  input.on('data', (chunk: Buffer) => {
    if (!chunk.includes(0x71) && !chunk.includes(0x03)) return; // q, Ctrl-C
    release();
    write('netpol-check explore: stopped while loading\r\n');
    process.kill(process.pid, 'SIGINT');
  });
  parentPort!.on('message', (m: LoadingMessage) => {
    if (m !== 'stop') {
      state = m;
      return;
    }
    release();
    parentPort!.close();
  });
}
