import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the bundled glossary', { timeout: 60_000 }, () => {
  it('validates: schema, semantic rules, sorted by id, canonical formatting (`npm run glossary -- validate`)', async () => {
    const env = { ...process.env };
    delete env.npm_lifecycle_event;
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/glossary.ts', 'validate'], { cwd: ROOT, env, maxBuffer: 1 << 26 }, (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
      );
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\d+ files, \d+ entries: valid\n$/);
    expect(r.code).toBe(0);
  });
});
