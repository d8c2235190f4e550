export * from './admin-policy.js';
export * from './diagnostic.js';
export * from './labels.js';
export * from './policy.js';
export * from './semantics.js';
export * from './snapshot.js';
export * from './source.js';
export * from './unmodelled.js';
