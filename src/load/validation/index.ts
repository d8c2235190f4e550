// Kubernetes 1.32 API server validation rules, transcribed as pure functions.
export { validateAnnotations, annotationsSize, TOTAL_ANNOTATION_SIZE_LIMIT_B } from './annotations.js';
export { generateNameFrom, prepareForCreate, MAX_GENERATED_NAME_LENGTH, GENERATED_NAME_SUFFIX } from './before-create.js';
export { ipNetContains, parseCidrSloppy, parseIPv4Sloppy, parseIPv6Sloppy, type SloppyCidr } from './cidr.js';
export { isDns1123Label, isDns1123Subdomain, DNS1123_LABEL_MAX_LENGTH, DNS1123_SUBDOMAIN_MAX_LENGTH } from './dns-name.js';
export {
  forbidden, formatFieldError, formatFieldPath, invalid, notSupported, required, tooLong,
  type FieldError, type FieldErrorType, type FieldPath,
} from './field-error.js';
export { STANDARD_FINALIZERS, validateFinalizerName, validateFinalizers, validateKubeFinalizerName, validateNamespaceSpecFinalizer } from './finalizers.js';
export { INVALID_CIDR_MESSAGE, isValidCidr, validateIPBlock, type IPBlockInput } from './ip-block.js';
export {
  validateLabelSelector, validateLabelSelectorRequirement,
  type LabelSelectorInput, type LabelSelectorRequirementInput, type LabelSelectorValidationOptions,
} from './label-selector.js';
export { isValidLabelValue, validateLabelName, validateLabels, LABEL_VALUE_MAX_LENGTH } from './labels.js';
export {
  maskTrailingDash, nameIsDnsLabel, nameIsDnsSubdomain, validateNamespaceName, validateNetworkPolicyName, validatePodName,
  type ValidateNameFunc,
} from './name-funcs.js';
export { validateNamespace, type NamespaceInput } from './namespace.js';
export { validateNetworkPolicyPeer } from './network-policy-peer.js';
export { validateNetworkPolicyPort, SUPPORTED_PROTOCOLS } from './network-policy-port.js';
export type {
  NetworkPolicyEgressRuleInput, NetworkPolicyIngressRuleInput, NetworkPolicyInput, NetworkPolicyPeerInput,
  NetworkPolicyPortInput, NetworkPolicySpecInput, NetworkPolicyValidationOptions,
} from './network-policy-types.js';
export { validateNetworkPolicy, validateNetworkPolicySpec, POLICY_TYPES } from './network-policy.js';
export { quickValidNetworkPolicy } from './network-policy-quick.js';
export { validateObjectMeta, type ObjectMetaInput, type ObjectMetaRules } from './object-meta.js';
export { validatePodMetadata } from './pod.js';
export { isValidPortName, isValidPortNum } from './ports.js';
export { isQualifiedName, QUALIFIED_NAME_MAX_LENGTH } from './qualified-name.js';
export { byteLength } from './messages.js';
