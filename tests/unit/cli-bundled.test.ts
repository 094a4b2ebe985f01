import { describe, expect, it } from 'vitest';
import { glossary } from './cli-harness';

describe('the bundled glossary', { timeout: 60_000 }, () => {
  it('validates: schema, semantic rules, sorted by id, canonical formatting (`npm run glossary -- validate`)', async () => {
    const r = await glossary('validate');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\d+ files, \d+ entries: valid\n$/);
    expect(r.code).toBe(0);
  });
});
