export * from './define.js';
export * from './registry.js';
export * from './tasks.js';
export * from './wire.js';
