import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandReference, withReference } from '../../cli/reference.js';
import { COMMAND_SPECS } from '../../cli/specs/index.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/** Issue 20: the README's command reference is made from the option tables the CLI parses and prints. */
const PATH = join(ROOT, 'README.md');

describe('the README command reference', () => {
  it('is the one the option tables make (UPDATE_FIXTURES=1 rewrites it)', () => {
    const current = withReference(readFileSync(PATH, 'utf8'), commandReference());
    if (process.env.UPDATE_FIXTURES) writeFileSync(PATH, current);
    expect(readFileSync(PATH, 'utf8')).toBe(current);
  });

  it.each(COMMAND_SPECS.map((s) => [s.name]))('%s: its section holds the option table --help prints', async (name) => {
    const help = (await runCli([name, '--help'])).out;
    const table = help.slice(help.indexOf('Options:\n'), help.indexOf('\n\n', help.indexOf('Options:\n')));
    expect(commandReference()).toContain(`### \`netpol-check ${name}\`\n`);
    expect(commandReference()).toContain(table);
  });
});
