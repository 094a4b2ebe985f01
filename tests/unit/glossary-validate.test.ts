import { describe, expect, it } from 'vitest';
import { formatError, validateGlossaries } from '../../src/core/glossary-validate';
import { entry } from './test-entries';

describe('validateGlossaries', () => {
  it("reports a duplicate id even when another entry of the file breaks the schema, with the file's own indexes", () => {
    const { summary: _dropped, ...noSummary } = entry('nato', 'NATO', 'organization');
    const data = {
      name: 'world',
      description: 'test',
      language: 'en',
      entries: [noSummary, entry('ip4', 'IP4', 'group'), entry('ip4', 'IP4 again', 'group')],
    };
    const lines = validateGlossaries([{ file: 'world.json', data }]).map(formatError);
    expect(lines).toContain('world.json: entries[0].summary: required field is missing');
    expect(lines).toContain('world.json: entries[2].id: duplicate id "ip4" (also world.json: entries[1])');
  });
});
