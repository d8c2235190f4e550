import { invalid, required, type FieldError, type FieldPath } from './field-error.js';
import { ipNetContains, parseCidrSloppy } from './cidr.js';

/**
 * NetworkPolicy ipBlock, transcribed from Kubernetes 1.32:
 * - kubernetes pkg/apis/networking/validation/validation.go: ValidateIPBlock (1.30–1.32 form,
 *   after PR #123174: validation.IsValidCIDR, then ParseCIDRSloppy)
 * - apimachinery v0.32 pkg/util/validation/validation.go: IsValidCIDR
 */

export interface IPBlockInput {
  cidr: string;
  except?: string[];
}

export const INVALID_CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** IsValidCIDR: ParseCIDRSloppy must succeed (host bits, leading zeros and IPv4-mapped IPv6 all pass). */
export function isValidCidr(value: string, path: FieldPath): FieldError[] {
  return parseCidrSloppy(value) ? [] : [invalid(path, value, INVALID_CIDR_MESSAGE)];
}

/**
 * ValidateIPBlock:
 * - cidr "" → Required at `cidr` (and nothing else is checked);
 * - cidr unparsable → Invalid at `cidr` (and `except` is not checked);
 * - each except[i]: unparsable → Invalid; otherwise it must be a strict subset of cidr, which Go
 *   tests as: cidr contains except's network address AND cidr's prefix < except's prefix, else
 *   Invalid "must be a strict subset of `cidr`".
 * Because the test compares addresses with Go's IPNet.Contains and prefix lengths as written,
 * mixed families follow Go: cidr 10.0.0.0/8 with except ::ffff:10.1.0.0/112 (an IPv4-mapped
 * IPv6 range inside it, with a larger prefix number) is accepted; an IPv4 except under an IPv6
 * cidr is always refused (not contained, or a mapped cidr's prefix ≥ 96 exceeds any IPv4 prefix).
 */
export function validateIPBlock(block: IPBlockInput, path: FieldPath): FieldError[] {
  if ((block.cidr ?? '') === '') return [required([...path, 'cidr'], '')];
  const errs = isValidCidr(block.cidr, [...path, 'cidr']);
  const cidr = parseCidrSloppy(block.cidr);
  if (!cidr) return errs;
  (block.except ?? []).forEach((text, i) => {
    const exceptPath = [...path, 'except', i];
    errs.push(...isValidCidr(text, exceptPath));
    const except = parseCidrSloppy(text);
    if (!except) return;
    if (!ipNetContains(cidr, except.network) || cidr.prefix >= except.prefix) {
      errs.push(invalid(exceptPath, text, 'must be a strict subset of `cidr`'));
    }
  });
  return errs;
}
