import { isAscii } from 'node:buffer';

/**
 * Bytes → text as UTF-8. Manifests are nearly always plain ASCII, and for ASCII a Latin-1 copy
 * is the same text ten times faster than the UTF-8 decoder (~10 ms instead of ~120 ms for a
 * 13 MB dump).
 */
export function decodeText(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}
