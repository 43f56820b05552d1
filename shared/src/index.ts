export * from './roles.js';
export * from './synced-tables.js';
