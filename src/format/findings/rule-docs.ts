/**
 * Where a rule's documentation is read: its section of docs/rules.md in the repository, at the
 * tag of the release (GitHub renders the Markdown and its heading anchors; `## allow-all` is
 * `#allow-all`). The same base as the SARIF driver's informationUri.
 */
export const REPOSITORY_URL = 'https://github.com/netpol-check/netpol-check';

export function ruleHelpUri(ruleId: string, version: string): string {
  const ref = /^\d+\.\d+\.\d+/.test(version) ? `v${version}` : 'main';
  return `${REPOSITORY_URL}/blob/${ref}/docs/rules.md#${encodeURIComponent(ruleId.toLowerCase())}`;
}
