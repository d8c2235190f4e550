/** Kubernetes object names: DNS subdomain, at most 253 characters (RFC 1123). */
const MAX = 253;

/** A valid object name from a workload name (already valid when read from a manifest, but never trusted). */
export function dnsName(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return cleaned || 'pods';
}

/** Hands out unique names within one namespace: `api-ingress`, then `api-ingress-2`, … */
export class NameAllocator {
  private readonly used = new Set<string>();

  take(base: string, suffix: string): string {
    const stem = dnsName(base).slice(0, MAX - suffix.length - 8).replace(/[^a-z0-9]+$/, '');
    for (let i = 1; ; i++) {
      const name = `${stem}${suffix}${i === 1 ? '' : `-${i}`}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}
