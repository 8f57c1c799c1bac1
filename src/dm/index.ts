// The data-model engine: public types (api.ts) and the factory.
export * from './api.ts';
export { createEngine } from './engine.ts';
export { treeOf } from './schema.ts';
export { parsePath, formatPath } from './grammar.ts';
export { UNKNOWN_TIME, formatDateTime, parseDateTime } from './values.ts';
