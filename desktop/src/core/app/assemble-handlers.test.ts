import { describe, expect, it } from 'vitest';
import { assembleHandlers } from './assemble-handlers.js';
import type { CommandHandlers } from './dispatch.js';

// The type check wants every command; these tests reach the runtime check through a cast.
const assemble = assembleHandlers as (areas: Record<string, Partial<CommandHandlers>>) => CommandHandlers;
const venues: CommandHandlers['venues.list'] = async () => [];

describe('assembleHandlers', () => {
  it('should merge the areas into one map', () => {
    const organization: CommandHandlers['organization.get'] = async () => {
      throw new Error('not read here');
    };
    const handlers = assemble({ venues: { 'venues.list': venues }, settings: { 'organization.get': organization } });
    expect(handlers['venues.list']).toBe(venues);
    expect(handlers['organization.get']).toBe(organization);
  });

  it('should refuse a command two areas register, naming both', () => {
    expect(() => assemble({ shell: { 'venues.list': venues }, settings: { 'venues.list': venues } })).toThrow(
      'command "venues.list" is registered by both the shell and the settings handlers',
    );
  });
});
