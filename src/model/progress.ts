/**
 * Long steps call this now and then (every few thousand items) with what they are doing and
 * how far they are. The library never prints: the command line shows it on a terminal
 * (cli/progress.ts), anything else may ignore it.
 */
export type Progress = (step: string, done: number, total: number) => void;
