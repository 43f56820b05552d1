// audit:verify's arguments: what an operator may type, and the words for what they may not.
import { describe, expect, it } from 'vitest';
import { parseArguments } from './verify-arguments.js';

const organization = '0d1c2b3a-4f5e-4a6b-8c7d-9e0f1a2b3c4d';
const hash = 'ab'.repeat(32);

describe('audit:verify arguments', () => {
  it('should take an organization and its anchors, spaced or with =', () => {
    expect(parseArguments([])).toEqual({ anchors: [] });
    expect(
      parseArguments(['--organization', organization.toUpperCase(), `--anchor=12:${hash}`, '--anchor', `3:${hash}`]),
    ).toEqual({
      organizationId: organization,
      anchors: [
        { position: 12, hash, anchoredAt: null },
        { position: 3, hash, anchoredAt: null },
      ],
    });
  });

  it('should take a hash as copied, in either case', () => {
    expect(parseArguments(['--organization', organization, '--anchor', `1:${hash.toUpperCase()}`]).anchors).toEqual([
      { position: 1, hash, anchoredAt: null },
    ]);
  });

  it('should name what is wrong', () => {
    expect(() => parseArguments(['--organization'])).toThrow('--organization needs a value');
    expect(() => parseArguments(['--organization', 'lakeside'])).toThrow(
      /must be an organization id \(a UUID\), got lakeside/,
    );
    expect(() => parseArguments(['--organization', organization, '--anchor', `0:${hash}`])).toThrow(
      /--anchor must be <position>:<64 hex digits>/,
    );
    expect(() => parseArguments([`--anchor=1:${hash}`])).toThrow(/name it with --organization <id>/);
    expect(() => parseArguments(['--all'])).toThrow('unknown argument --all');
  });
});
