export * from './outbox.js';
export { backoffDelay } from './send-batch.js';
