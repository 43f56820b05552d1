export * from './intake-fields.js';
export * from './request-reference.js';
export * from './submission-plan.js';
export * from '../venue-clock.js';
