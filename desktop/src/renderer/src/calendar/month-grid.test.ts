import { describe, expect, it } from 'vitest';
import { monthGrid, ordinal, shiftMonth, weekdayNames } from './month-grid.js';

describe('monthGrid', () => {
  it('should cover the month in whole weeks starting on Monday', () => {
    // March 2025: Saturday the 1st to Monday the 31st
    const weeks = monthGrid('2025-03', 1);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]![0]).toEqual({ date: '2025-02-24', inMonth: false });
    expect(weeks[0]![5]).toEqual({ date: '2025-03-01', inMonth: true });
    expect(weeks[5]![0]).toEqual({ date: '2025-03-31', inMonth: true });
    expect(weeks[5]![6]).toEqual({ date: '2025-04-06', inMonth: false });
    expect(weeks.flat().filter((day) => day.inMonth)).toHaveLength(31);
  });

  it('should start weeks on Sunday when the locale does', () => {
    const weeks = monthGrid('2025-03', 7);
    expect(weeks[0]![0]!.date).toBe('2025-02-23');
    expect(weeks[0]![6]!.date).toBe('2025-03-01');
    expect(weeks.at(-1)!.at(-1)!.date).toBe('2025-04-05');
  });

  it('should need only four weeks for a February that fits exactly', () => {
    // February 2021 began on a Monday and had 28 days
    const weeks = monthGrid('2021-02', 1);
    expect(weeks).toHaveLength(4);
    expect(weeks.flat().every((day) => day.inMonth)).toBe(true);
  });

  it('should include February 29 in leap years', () => {
    expect(
      monthGrid('2024-02', 1)
        .flat()
        .filter((day) => day.inMonth)
        .at(-1)!.date,
    ).toBe('2024-02-29');
  });

  it('should refuse something that is not a month', () => {
    expect(() => monthGrid('2025-3')).toThrow(/YYYY-MM/);
  });
});

describe('shiftMonth', () => {
  it('should move across year boundaries', () => {
    expect(shiftMonth('2025-01', -1)).toBe('2024-12');
    expect(shiftMonth('2024-12', 1)).toBe('2025-01');
    expect(shiftMonth('2025-03', 12)).toBe('2026-03');
  });
});

describe('weekdayNames and ordinal', () => {
  it('should list weekday names in grid order', () => {
    expect(weekdayNames(1, 'en-US')).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(weekdayNames(7, 'en-US')[0]).toBe('Sun');
  });

  it('should name hold ranks', () => {
    expect([1, 2, 3, 4, 11, 12, 21].map((rank) => ordinal(rank))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '21st',
    ]);
  });
});
