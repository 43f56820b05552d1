import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues, problemsByField } from './zod-issues.js';

const Line = z.object({
  label: z.string().min(1, 'must not be empty').max(3, 'must be at most 3 characters'),
  lines: z.array(z.object({ cents: z.number('must be a number') })),
});

describe('a zod error in words', () => {
  it('should name every problem with its field, and the message alone for the value as a whole', () => {
    const wrong = Line.safeParse({ label: 'too long', lines: [{ cents: 1 }, { cents: 'x' }] });
    expect(describeIssues(wrong.error!)).toEqual([
      'label: must be at most 3 characters',
      'lines.1.cents: must be a number',
    ]);
    expect(describeIssues(Line.safeParse(null).error!)).toEqual([expect.stringMatching(/object/)]);
  });

  it('should keep the first problem of each field, and file the whole value under the name given', () => {
    const twice = z
      .string()
      .refine((s) => !s.includes('\u0000'), 'contains a NUL')
      .refine((s) => s.length <= 3, 'too long');
    const wrong = z.object({ note: twice, count: z.number() }).safeParse({ note: 'a\u0000bcd', count: 'x' });
    expect(describeIssues(wrong.error!)).toHaveLength(3);
    expect(problemsByField(wrong.error!, '(arguments)')).toEqual({ note: 'contains a NUL', count: expect.any(String) });
    expect(problemsByField(Line.safeParse('x').error!, 'form')).toEqual({ form: expect.any(String) });
  });
});
