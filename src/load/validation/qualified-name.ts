import { rememberValid } from './known-valid.js';
import { isDns1123Subdomain } from './dns-name.js';
import { byteLength, emptyError, maxLenError, regexError } from './messages.js';

/**
 * Qualified names (label keys, annotation keys, finalizers), transcribed from
 * k8s.io/apimachinery/pkg/util/validation/validation.go (v0.32, Kubernetes 1.32): IsQualifiedName.
 */

export const QUALIFIED_NAME_MAX_LENGTH = 63;
export const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
export const QUALIFIED_NAME_ERR = 'must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character';

const NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);

/**
 * IsQualifiedName: `[prefix/]name`; the prefix a DNS-1123 subdomain, the name at most 63 bytes
 * of [A-Za-z0-9-_.] with alphanumeric ends. More than one '/' is one error; otherwise prefix and
 * name problems are all reported (an over-long name that also breaks the regex gives two).
 */
export const isQualifiedName = rememberValid(function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = value;
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else errs.push(...isDns1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (byteLength(name) > QUALIFIED_NAME_MAX_LENGTH) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX_LENGTH)}`);
  if (!NAME_RE.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
});
