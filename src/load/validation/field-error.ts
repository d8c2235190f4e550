/**
 * A field error as the API server reports it: k8s.io/apimachinery/pkg/util/validation/field/errors.go
 * (v0.32, Kubernetes 1.32). `message` is Go's `Detail` (it may be empty, e.g. a bare `Required`);
 * `value` is Go's `BadValue` when the error carries one. `formatFieldError` gives Go's `Error()` line.
 */
export type FieldErrorType = 'Invalid' | 'Required' | 'Forbidden' | 'NotSupported' | 'TooLong' | 'TooMany' | 'Duplicate';

export type FieldPath = readonly (string | number)[];

export interface FieldError {
  path: (string | number)[];
  type: FieldErrorType;
  message: string;
  value?: unknown;
}

/** field.Invalid */
export function invalid(path: FieldPath, value: unknown, message: string): FieldError {
  return { path: [...path], type: 'Invalid', message, value };
}

/** field.Required */
export function required(path: FieldPath, message: string): FieldError {
  return { path: [...path], type: 'Required', message };
}

/** field.Forbidden */
export function forbidden(path: FieldPath, message: string): FieldError {
  return { path: [...path], type: 'Forbidden', message };
}

/** field.NotSupported: the detail lists the supported values, each Go-quoted. */
export function notSupported(path: FieldPath, value: unknown, supported: readonly string[]): FieldError {
  const message = supported.length > 0 ? `supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return { path: [...path], type: 'NotSupported', message, value };
}

/** field.TooLong (the value is omitted from the message, as in Go 1.32). */
export function tooLong(path: FieldPath, maxLength: number): FieldError {
  const message = maxLength >= 0 ? `may not be more than ${maxLength} bytes` : 'value is too long';
  return { path: [...path], type: 'TooLong', message };
}

/** Field path as Go's field.Path.String(): `spec.ingress[0].from[1].ipBlock.cidr`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Invalid: 'Invalid value',
  Required: 'Required value',
  Forbidden: 'Forbidden',
  NotSupported: 'Unsupported value',
  TooLong: 'Too long',
  TooMany: 'Too many',
  Duplicate: 'Duplicate value',
};

/**
 * The line Go's (*field.Error).Error() prints, e.g.
 * `metadata.name: Invalid value: "Foo": a lowercase RFC 1123 subdomain must ...`.
 * Strings are quoted with JSON.stringify (equal to Go's %q for printable ASCII).
 */
export function formatFieldError(e: FieldError): string {
  let body = TYPE_TEXT[e.type];
  const showsValue = e.type !== 'Required' && e.type !== 'Forbidden' && e.type !== 'TooLong' && 'value' in e;
  if (showsValue) body += `: ${typeof e.value === 'string' ? JSON.stringify(e.value) : JSON.stringify(e.value ?? null)}`;
  if (e.message !== '') body += `: ${e.message}`;
  return `${formatFieldPath(e.path)}: ${body}`;
}
