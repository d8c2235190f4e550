import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { NETWORK_POLICY_V1_SCHEMA } from '../../src/load/schemas/network-policy-v1.js';

/**
 * The NetworkPolicy validator is compiled ahead of time (ajv standalone) so that start-up does
 * not pay ~170 ms for ajv. This test keeps the generated module in step with the schema;
 * UPDATE_FIXTURES=1 regenerates it.
 */
const FILE = join(import.meta.dirname, '..', '..', 'src', 'load', 'schemas', 'network-policy-v1.validator.ts');
const HEADER = `// @ts-nocheck\n// Generated from network-policy-v1.ts by ajv standalone (test/load/precompiled-validator.test.ts\n// keeps it current; UPDATE_FIXTURES=1 npx vitest run test/load/precompiled-validator.test.ts). Do not edit.\n`;

function generate(): string {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true, esm: true } });
  const validate = ajv.compile(NETWORK_POLICY_V1_SCHEMA);
  return `${HEADER}${standaloneCode(ajv, validate)}\n`;
}

describe('precompiled NetworkPolicy validator', () => {
  it('is generated from the current schema', () => {
    const code = generate();
    if (process.env.UPDATE_FIXTURES) writeFileSync(FILE, code);
    expect(readFileSync(FILE, 'utf8') === code, 'stale: rerun with UPDATE_FIXTURES=1').toBe(true);
  });
});
