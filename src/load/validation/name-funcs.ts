import { isDns1123Label, isDns1123Subdomain } from './dns-name.js';

/**
 * Object name functions, transcribed from Kubernetes 1.32:
 * - apimachinery v0.32 pkg/api/validation/generic.go: ValidateNameFunc, NameIsDNSSubdomain,
 *   NameIsDNSLabel, maskTrailingDash, ValidateNamespaceName (= NameIsDNSLabel)
 * - kubernetes pkg/apis/core/validation/validation.go: ValidatePodName (= NameIsDNSSubdomain)
 * - kubernetes pkg/apis/networking/validation/validation.go: ValidateNetworkPolicyName (= NameIsDNSSubdomain)
 *
 * `prefix` is true when the value is a generateName (a random suffix will be appended).
 */
export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

/**
 * maskTrailingDash, exactly as Go 1.32 writes it: when a name longer than one byte ends in '-',
 * the LAST TWO characters are replaced by a single 'a' (`name[:len(name)-2] + "a"`). So the
 * character before the dash is never checked: generateName "a.-" passes as "aa".
 * Go cuts bytes: when the character before the dash is not ASCII, Go keeps its leading bytes
 * (still not ASCII, so the name still fails); here that character is kept whole (same verdict,
 * byte length one or two more).
 */
export function maskTrailingDash(name: string): string {
  if (name.length <= 1 || !name.endsWith('-')) return name;
  const chars = Array.from(name.slice(0, -1));
  const last = chars.pop() ?? '';
  const kept = (last.codePointAt(0) ?? 0) < 0x80 ? '' : last;
  return `${chars.join('')}${kept}a`;
}

/** NameIsDNSSubdomain */
export const nameIsDnsSubdomain: ValidateNameFunc = (name, prefix) => isDns1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** NameIsDNSLabel */
export const nameIsDnsLabel: ValidateNameFunc = (name, prefix) => isDns1123Label(prefix ? maskTrailingDash(name) : name);

/** ValidateNamespaceName (apimachinery) = NameIsDNSLabel */
export const validateNamespaceName: ValidateNameFunc = nameIsDnsLabel;

/** ValidatePodName (core) = NameIsDNSSubdomain */
export const validatePodName: ValidateNameFunc = nameIsDnsSubdomain;

/** ValidateNetworkPolicyName (networking) = NameIsDNSSubdomain */
export const validateNetworkPolicyName: ValidateNameFunc = nameIsDnsSubdomain;
