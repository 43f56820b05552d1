import { describe, expect, it } from 'vitest';
import { uuid } from '../entities/fields.js';
import { derivedId } from './derived-id.js';

const EVENT = '00000000-0000-4000-8000-00000000e001';
const TEMPLATE = '00000000-0000-4000-8000-00000000d001';

describe('derivedId', () => {
  it('should give the same uuid for the same parts, every time and everywhere', () => {
    // pinned: the desktop and the relay (and older app versions) must keep agreeing on it
    expect(derivedId(EVENT, TEMPLATE)).toBe('9941424f-912c-8206-839f-db605a46de40');
    expect(derivedId(EVENT, TEMPLATE)).toBe(derivedId(EVENT, TEMPLATE));
  });

  it('should ignore the case of the parts, as uuids do', () => {
    expect(derivedId(EVENT.toUpperCase(), TEMPLATE)).toBe(derivedId(EVENT, TEMPLATE));
  });

  it('should be a version 8 uuid with the RFC variant that a uuid column and schema accept', () => {
    const id = derivedId(EVENT, TEMPLATE);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid.safeParse(id).success).toBe(true);
  });

  it('should depend on the order of the parts and on where one part ends', () => {
    expect(derivedId(EVENT, TEMPLATE)).not.toBe(derivedId(TEMPLATE, EVENT));
    expect(derivedId('ab', 'c')).not.toBe(derivedId('a', 'bc'));
  });

  it('should give ten thousand different templates of one event ten thousand different ids', () => {
    const ids = new Set<string>();
    for (let n = 0; n < 10_000; n++)
      ids.add(derivedId(EVENT, `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`));
    expect(ids.size).toBe(10_000);
  });
});
