import { CAN } from './can.js';
import { DIFF } from './diff.js';
import { EXPLORE } from './explore.js';
import { GENERATE } from './generate.js';
import { PATH, REACH_FROM } from './graph.js';
import { LINT } from './lint.js';
import { MATRIX } from './matrix.js';
import { MIGRATE } from './migrate.js';
import type { CommandSpec } from './option.js';
import { REPORT } from './report.js';
import { VERIFY } from './verify.js';

/** Every command, in the order of the command list (help, completion, the README reference). */
export const COMMAND_SPECS: readonly CommandSpec[] = [CAN, DIFF, EXPLORE, GENERATE, LINT, MATRIX, MIGRATE, PATH, REACH_FROM, REPORT, VERIFY];
