#!/usr/bin/env node
import { processIo } from './io.js';
import { run } from './run.js';

// The only place that exits.
process.exitCode = await run(process.argv.slice(2), processIo);
