/**
 * The JSON document for `-o json`, or the same as YAML for `-o yaml`. The YAML writer is loaded
 * only when asked for: it is a large module, and every `can` would pay for it at start-up.
 */
export async function jsonOrYaml(format: string, json: string): Promise<string> {
  if (format !== 'yaml') return json;
  const { jsonAsYaml } = await import('../src/format/yaml/json-as-yaml.js');
  return jsonAsYaml(json);
}
