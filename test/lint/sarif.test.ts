import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { formatFindingsSarif } from '../../src/format/findings/sarif.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { runLint } from '../../src/lint/run-lint.js';
import { ROOT } from '../helpers/run-cli.js';

/** The official SARIF 2.1.0 schema (shipped by @microsoft/jest-sarif). */
const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 JSON schema', () => {
    const { snapshot, diagnostics } = loadSnapshot([join(ROOT, 'examples', 'lint-mistakes')]);
    const findings = runLint(snapshot, diagnostics);
    expect(findings.length).toBeGreaterThan(5);
    const sarif = JSON.parse(formatFindingsSarif(findings, '0.1.0'));
    const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }); // the official schema has a pattern that is not valid with the u flag
    const validate = ajv.compile(schema);
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
