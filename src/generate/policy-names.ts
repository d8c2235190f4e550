/** Kubernetes object names: DNS subdomain, at most 253 characters (RFC 1123). */
const MAX = 253;

/** What names a kind of policy takes: a DNS subdomain (NetworkPolicy, Cilium), or a DNS label (Calico, where a `.` names a tier). */
export interface NameRules {
  max: number;
  dots: boolean;
}

export const SUBDOMAIN: NameRules = { max: MAX, dots: true };
/** Calico's policy names: a DNS label (63 characters, no `.` but the one after a tier name; validator.go). */
export const LABEL: NameRules = { max: 63, dots: false };

/** A valid object name from a workload name (already valid when read from a manifest, but never trusted). */
export function dnsName(text: string, rules: NameRules = SUBDOMAIN): string {
  const cleaned = text
    .toLowerCase()
    .replace(rules.dots ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return cleaned || 'pods';
}

/** Hands out unique names within one namespace: `api-ingress`, then `api-ingress-2`, … */
export class NameAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly rules: NameRules = SUBDOMAIN) {}

  take(base: string, suffix: string): string {
    const stem = dnsName(base, this.rules).slice(0, this.rules.max - suffix.length - 8).replace(/[^a-z0-9]+$/, '');
    for (let i = 1; ; i++) {
      const name = `${stem}${suffix}${i === 1 ? '' : `-${i}`}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}
