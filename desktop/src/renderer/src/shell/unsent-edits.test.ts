import { describe, expect, it } from 'vitest';
import { unsentEditsMessage } from './unsent-edits.js';

describe('unsentEditsMessage', () => {
  it('should count edits not uploaded, in agreement with the number', () => {
    expect(unsentEditsMessage({ pending: '1', refused: '0' }, '')).toBe(
      '1 edit has not reached the relay yet. They stay on this computer and upload the next time you sign in here.',
    );
    expect(unsentEditsMessage({ pending: '3', refused: '0' }, '')).toMatch(/^3 edits have not reached the relay yet\./);
  });

  it('should name refused edits apart from those waiting to upload', () => {
    expect(unsentEditsMessage({ pending: '0', refused: '1' }, '')).toBe(
      '1 edit the relay refused is waiting for you. They stay on this computer for the next time you sign in here.',
    );
    expect(unsentEditsMessage({ pending: '2', refused: '2' }, '')).toMatch(
      /^2 edits have not reached the relay yet, and 2 edits the relay refused are waiting for you\. /,
    );
  });

  it('should fall back to the core’s words without counts', () => {
    expect(unsentEditsMessage(undefined, 'Edits are waiting.')).toBe('Edits are waiting.');
  });
});
