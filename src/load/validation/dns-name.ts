import { rememberValid } from './known-valid.js';
import { byteLength, maxLenError, regexError } from './messages.js';

/**
 * DNS names, transcribed from k8s.io/apimachinery/pkg/util/validation/validation.go
 * (v0.32, Kubernetes 1.32): IsDNS1123Label and IsDNS1123Subdomain.
 * Each returns the list of problems (empty when valid), worded as the API server words them.
 */

export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

const LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const LABEL_ERR = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character';
const SUBDOMAIN_FMT = `${LABEL_FMT}(\\.${LABEL_FMT})*`;
const SUBDOMAIN_ERR = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character';

const LABEL_RE = new RegExp(`^${LABEL_FMT}$`);
const SUBDOMAIN_RE = new RegExp(`^${SUBDOMAIN_FMT}$`);

/** IsDNS1123Label: at most 63 bytes of [a-z0-9-], alphanumeric at both ends. */
export const isDns1123Label = rememberValid(function isDns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!LABEL_RE.test(value)) {
    // A valid subdomain that is not a valid label can only be one with dots.
    if (SUBDOMAIN_RE.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(LABEL_ERR, LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
});

/** IsDNS1123Subdomain: at most 253 bytes of dot-separated DNS-1123 labels. */
export const isDns1123Subdomain = rememberValid(function isDns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!SUBDOMAIN_RE.test(value)) errs.push(regexError(SUBDOMAIN_ERR, SUBDOMAIN_FMT, 'example.com'));
  return errs;
});
