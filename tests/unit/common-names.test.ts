import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commonNames } from '../../scripts/build-common-names';
import { GlossaryEngine } from '../../src/core/engine';
import { entry } from './test-entries';

describe('common names', () => {
  it('the generated list is what the script makes from @faker-js/faker', () => {
    const committed = JSON.parse(readFileSync('src/core/generated/common-names.json', 'utf8')) as string[];
    expect(committed).toEqual(commonNames());
    expect(committed).toContain('jackson');
  });

  it('a bare common name needs a full name or a title; a distinctive surname does not', () => {
    const e = new GlossaryEngine([
      entry('ketanji-brown-jackson', 'Ketanji Brown Jackson', 'person', {
        periods: [{ role: 'Associate Justice of the Supreme Court of the United States', from: '2022-06-30' }],
      }),
      entry('fumio-kishida', 'Fumio Kishida', 'person'),
    ]);
    const ids = (text: string): string[] => e.analyze(text).matches.map((m) => `${m.id}:${m.text}`);
    expect(ids('Jackson said the deal was done.')).toEqual([]);
    expect(ids('Justice Jackson wrote the dissent.')).toEqual(['ketanji-brown-jackson:Jackson']);
    expect(ids('Ketanji Brown Jackson spoke. Jackson added more.')).toEqual([
      'ketanji-brown-jackson:Ketanji Brown Jackson',
      'ketanji-brown-jackson:Jackson',
    ]);
    expect(ids("Kishida's aides left.")).toEqual(['fumio-kishida:Kishida']);
    // Someone else of that name, named in full, owns the bare name after.
    expect(ids('Michael Jackson sang. Jackson danced.')).toEqual([]);
  });
});
