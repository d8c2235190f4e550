import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonAsYaml } from '../../src/format/yaml/json-as-yaml.js';
import { decodeKubectlYaml } from '../../src/load/kubectl-yaml.js';
import { runCli } from '../helpers/run-cli.js';

// kubectl's `-o yaml` beside `-o json` (kubectl reference, "Output options"): the same document.
describe('-o yaml', () => {
  it.each([
    ['can', ['can', 'frontend', 'reach', 'api:9000', '-f', 'examples/three-tier']],
    ['can (no)', ['can', 'frontend', 'reach', 'db:5432', '-f', 'examples/three-tier']],
    ['verify', ['verify', 'examples/three-tier/expectations.yaml', '-f', 'examples/three-tier']],
    ['lint', ['lint', '-f', 'examples/lint-mistakes']],
    ['diff', ['diff', '--base', 'examples/three-tier', '--head', 'examples/multi-namespace']],
  ])('%s: the YAML reads back as the JSON document, with the same exit code', async (_, argv) => {
    const json = await runCli([...argv, '-o', 'json']);
    const yaml = await runCli([...argv, '-o', 'yaml']);
    expect(yaml.code).toBe(json.code);
    expect(parse(yaml.out)).toEqual(JSON.parse(json.out));
  });

  it('keeps any string as it is (control characters, bidi overrides, YAML syntax) when read back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(parse(jsonAsYaml(JSON.stringify(value)))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 2000, seed: 20 },
    );
    const hostile = { message: 'a\u202eb\u001b[31m\n- x: y\n# c', key: 'on', n: '010' };
    expect(parse(jsonAsYaml(JSON.stringify(hostile)))).toEqual(hostile);
  });

  it("reads back the same in kubectl's YAML reading (YAML 1.1: on, y, 010 stay strings)", () => {
    const strings = fc.oneof(fc.string(), fc.constantFrom('on', 'off', 'y', 'n', 'yes', 'no', '010', '0x1f', '1_000', '1:20', '~', 'null', '2001-01-01', '.inf', '<<', '= ', '- a', '#x', '"q"', "'q'"));
    const doc = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(strings, fc.array(strings, { maxLength: 3 }), fc.dictionary(strings, strings, { maxKeys: 3 }), fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 5 });
    fc.assert(
      fc.property(doc, (value) => {
        const read = decodeKubectlYaml(jsonAsYaml(JSON.stringify(value)));
        expect(read.ok && read.value).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 2000, seed: 20 },
    );
  });
});
