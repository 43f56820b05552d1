import { describe, expect, it } from 'vitest';
import { checkAdmit } from './door-tally.js';
import { admittedHereRecently, RECENT_CHECK_IN_MS } from './recent-check-in.js';

const at = 1_000_000;

describe('a check-in made on this device a moment ago', () => {
  const made = [
    { entryId: 'ada', admitted: 1, madeAt: at },
    { entryId: null, admitted: 1, madeAt: at + 1000 },
    { entryId: 'bea', admitted: 2, madeAt: at + 2000 },
  ];

  it('should be found for the same entry within the window, measured from its latest check-in', () => {
    expect(admittedHereRecently(made, 'ada', at + 3000)).toBe(3);
    expect(admittedHereRecently([...made, { entryId: 'ada', admitted: 1, madeAt: at + 2500 }], 'ada', at + 3000)).toBe(
      0.5,
    );
    expect(admittedHereRecently(made, 'bea', at + 2000 + RECENT_CHECK_IN_MS)).toBe(RECENT_CHECK_IN_MS / 1000);
  });

  it('should not be found for another entry, a walk-up, or once the window has passed', () => {
    expect(admittedHereRecently(made, 'cy', at + 3000)).toBeUndefined();
    expect(admittedHereRecently(made, 'ada', at + RECENT_CHECK_IN_MS + 1)).toBeUndefined();
    expect(admittedHereRecently([], 'ada', at)).toBeUndefined();
  });

  it('should make the next admit of that guest ask, even within their allotment', () => {
    expect(checkAdmit('Ada', 3, 1, 1, 4)).toEqual({
      confirm: true,
      reason: 'just-admitted',
      message: 'Ada was admitted on this device 4 seconds ago (1 of 3 in). Admit 1 more?',
    });
    expect(checkAdmit('Ada', 3, 1, 1, 0.3)).toMatchObject({
      message: 'Ada was admitted on this device just now (1 of 3 in). Admit 1 more?',
    });
    expect(checkAdmit('Ada', 3, 1, 1)).toEqual({ confirm: false });
  });
});
