import { byteLength, inclusiveRangeError, maxLenError } from './messages.js';

/**
 * Port numbers and names, transcribed from k8s.io/apimachinery/pkg/util/validation/validation.go
 * (v0.32, Kubernetes 1.32): IsValidPortNum, IsValidPortName (IANA_SVC_NAME, RFC 6335, lower case only).
 */

/**
 * IsValidPortNum: 1..65535. Go receives an int32, so a non-integer never reaches it (decoding
 * fails first); here a non-integer fails the same range check.
 */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/**
 * IsValidPortName: at most 15 bytes of [-a-z0-9], at least one letter, no '--', no '-' at
 * either end. Every broken rule is reported ("" breaks two: charset and one-letter).
 */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}
