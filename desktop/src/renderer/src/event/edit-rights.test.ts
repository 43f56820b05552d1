import { describe, expect, it } from 'vitest';
import { editRights } from './edit-rights.js';

describe('editRights', () => {
  it('should let staff work the checklist but not remove tasks or edit the event', () => {
    expect(editRights('STAFF', 'CONFIRMED')).toEqual({ event: false, tasks: true, removeTasks: false });
  });

  it('should let managers and owners change everything', () => {
    expect(editRights('MANAGER', 'DRAFT')).toEqual({ event: true, tasks: true, removeTasks: true });
    expect(editRights('OWNER', 'CANCELLED')).toEqual({ event: true, tasks: true, removeTasks: true });
  });

  it('should leave promoters, unknown members and settled events read-only', () => {
    const none = { event: false, tasks: false, removeTasks: false };
    expect(editRights('PROMOTER', 'CONFIRMED')).toEqual(none);
    expect(editRights(undefined, 'CONFIRMED')).toEqual(none);
    expect(editRights('OWNER', 'SETTLED')).toEqual(none);
  });
});
