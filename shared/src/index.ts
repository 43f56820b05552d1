export * from './roles.js';
export * from './synced-tables.js';
export * from './entities/index.js';
export * from './storable-text.js';
export * from './delivery-problems.js';
export * from './zod-issues.js';
