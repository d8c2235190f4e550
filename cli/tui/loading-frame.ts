/** What the loading screen shows at one moment. */
export interface LoadingState {
  /** The step, in the library's words or explore's own ("reading 12.3 MB of manifests"). */
  step: string;
  done: number;
  /** 0: the step has no count. */
  total: number;
  elapsedMs: number;
}

/**
 * The lines of explore's loading screen, each cut to the terminal's width: what it is doing, how
 * far, for how long, and how to stop it. The loading thread runs this from its source text, so
 * it is self-contained: no imports, nothing from outside its body.
 */
export function loadingFrame(state: LoadingState, columns: number): string[] {
  const count = (n: number): string => Math.round(n).toLocaleString('en-US');
  const share = state.total > 0 ? ` ${count(state.done)}/${count(state.total)} (${Math.min(100, Math.floor((100 * state.done) / state.total))}%)` : '';
  const lines = [`netpol-check explore: loading (${(state.elapsedMs / 1000).toFixed(1)} s)`, `${state.step}…${share}`, 'q or Ctrl-C: stop'];
  const width = Math.max(10, columns - 1);
  return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
}
