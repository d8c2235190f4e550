import type { FieldError } from './field-error.js';
import { validatePodName } from './name-funcs.js';
import { validateObjectMeta, type ObjectMetaInput } from './object-meta.js';

/**
 * A Pod's metadata, transcribed from Kubernetes 1.32 kubernetes
 * pkg/apis/core/validation/validation.go: validatePodMetadataAndSpec's first step,
 * ValidateObjectMeta(&pod.ObjectMeta, true, ValidatePodName, "metadata") — namespaced, the name
 * a DNS-1123 subdomain (dots allowed, up to 253), labels and annotations as for any object.
 * Not covered: ValidatePodSpecificAnnotations (mirror-pod, tolerations, pod-deletion-cost,
 * seccomp, AppArmor, sysctls annotations) and the pod spec.
 */
export function validatePodMetadata(metadata: ObjectMetaInput): FieldError[] {
  return validateObjectMeta(metadata, { namespaced: true, nameFn: validatePodName }, ['metadata']);
}
