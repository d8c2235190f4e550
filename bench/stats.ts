/** Small helpers for benchmark tables. */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
export const seconds = (ms: number | undefined): string => (ms === undefined ? '' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1));
export const megabytes = (bytes: number | undefined): string => (bytes === undefined ? '' : (bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 0));
export const count = (n: number): string => n.toLocaleString('en');
/** A table cell: no pipes or newlines. */
export const cell = (s: string): string => s.replace(/\|/g, '/').replace(/\s+/g, ' ');
