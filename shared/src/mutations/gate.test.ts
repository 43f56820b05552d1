import { describe, expect, expectTypeOf, it } from 'vitest';
import { gateMutation } from './gate.js';
import { mutations } from './registry.js';
import { EVENT, id } from './testing/fixtures.js';

const { 'organization.setLocale': setLocale, 'task.create': taskCreate, 'task.reorder': taskReorder } = mutations;

describe('the mutation gate', () => {
  it('should pass valid arguments of a role that reaches the minimum on, parsed', () => {
    const gate = gateMutation(setLocale, { locale: 'en-gb' }, 'OWNER');
    expect(gate).toEqual({ passed: true, args: { locale: 'en-GB' }, role: 'OWNER' });
    if (gate.passed) expectTypeOf(gate.args).toEqualTypeOf<{ locale: string }>();
  });

  it('should name every argument problem, with the first of each field for a form', () => {
    expect(gateMutation(taskCreate, { taskId: 'not-a-uuid', eventId: EVENT, title: '' }, 'OWNER')).toEqual({
      passed: false,
      code: 'invalid_arguments',
      reason: 'taskId: must be a uuid; title: must not be empty',
      details: { taskId: 'must be a uuid', title: 'must not be empty' },
    });
    expect(gateMutation(taskCreate, null, 'OWNER')).toMatchObject({
      code: 'invalid_arguments',
      details: { '(arguments)': expect.any(String) },
    });
  });

  it('should name the first ten of many problems, and count the rest', () => {
    const gate = gateMutation(
      taskReorder,
      { eventId: EVENT, taskIds: Array.from({ length: 25 }, (_, n) => n) },
      'OWNER',
    );
    expect(gate).toMatchObject({ passed: false, code: 'invalid_arguments' });
    const { reason } = gate as { reason: string };
    expect(reason.split('; ')).toHaveLength(11);
    expect(reason).toMatch(/^taskIds\.0: .+; taskIds\.9: [^;]+; and 15 more$/);
  });

  it('should refuse a stranger, and a role below the minimum saying who may and what the edit was', () => {
    expect(gateMutation(setLocale, { locale: 'de-DE' }, undefined)).toEqual({
      passed: false,
      code: 'forbidden',
      reason: 'you are not a member of this organization',
    });
    expect(
      gateMutation(taskCreate, { taskId: id(1), eventId: EVENT, title: 'Check the fire exits' }, 'PROMOTER'),
    ).toEqual({
      passed: false,
      code: 'forbidden',
      reason: 'only OWNER, MANAGER or STAFF may add the task “Check the fire exits”; your role here is PROMOTER',
    });
  });

  it('should judge the arguments before the role: a refusal of the role says what the edit was', () => {
    expect(gateMutation(setLocale, { locale: 'British' }, 'MANAGER')).toMatchObject({
      code: 'invalid_arguments',
      details: { locale: 'must be a locale tag such as en-US or de-DE' },
    });
  });
});
