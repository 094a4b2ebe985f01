/**
 * The built manifests of both browsers: site access (default news sites at install, everything
 * else optional), the permission snapshot, the content security policy and Firefox's settings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, type BuildBrowser } from '../../scripts/ensure-build';
import {
  loadPermissionSnapshot,
  manifestAsks,
  permissionGrowth,
  PERMISSION_SNAPSHOT_PATH,
} from '../../scripts/permission-snapshot';
import { NEWS_SITE_MATCHES } from '../../src/extension/news-sites';
import { CONTENT_SCRIPT_FILES } from '../../src/extension/site-access';

type Manifest = Record<string, unknown> & {
  content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  browser_specific_settings?: { gecko?: Record<string, unknown>; gecko_android?: Record<string, unknown> };
  background?: Record<string, unknown>;
};

/** Host patterns that reach every site (or every site of a scheme). */
function isBroad(pattern: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = /^([^:]+):\/\/([^/]*)\//.exec(pattern);
  if (!m) return true; // not a pattern we understand: treat as broad
  const host = m[2]!;
  return host === '*' || host === '' || /^\*\.[^.]+$/.test(host); // "*", or "*.com"
}

/** CSP directives by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

const browsers: BuildBrowser[] = ['chrome', 'firefox'];
const manifests = {} as Record<BuildBrowser, Manifest>;

beforeAll(() => {
  for (const b of browsers) manifests[b] = JSON.parse(readFileSync(join(ensureBuild(b), 'manifest.json'), 'utf8')) as Manifest;
}, 240_000);

describe.each(browsers)('the %s manifest', (browser) => {
  const m = (): Manifest => manifests[browser];

  it('is Manifest V3', () => {
    expect(m().manifest_version).toBe(3);
  });

  it('asks for host access at install to the default news sites only', () => {
    expect([...(m().host_permissions as string[])].sort()).toEqual([...NEWS_SITE_MATCHES].sort());
    const [script, ...others] = m().content_scripts ?? [];
    expect(others).toEqual([]);
    expect([...(script?.matches ?? [])].sort()).toEqual([...NEWS_SITE_MATCHES].sort());
    const broad = manifestAsks(m()).host_permissions.filter(isBroad);
    expect(broad).toEqual([]);
  });

  it('offers every other site as an optional host permission, and nothing else as optional', () => {
    expect(m().optional_host_permissions).toEqual(['*://*/*']);
    expect(m().optional_permissions).toBeUndefined();
  });

  it('asks for no more than the permission snapshot, and the snapshot is up to date', () => {
    const snapshot = loadPermissionSnapshot();
    expect(permissionGrowth(m(), snapshot), `grew beyond ${PERMISSION_SNAPSHOT_PATH}`).toEqual([]);
    // Shrinking is fine, but then tighten the snapshot too, so that growing back is noticed.
    expect(manifestAsks(m()), `update ${PERMISSION_SNAPSHOT_PATH}`).toEqual(snapshot);
  });

  it('exposes no file to web pages', () => {
    expect(m().web_accessible_resources).toBeUndefined();
  });

  it('injects the files that site-access.ts registers for opt-in sites', () => {
    const [script] = m().content_scripts ?? [];
    expect(script?.js).toEqual([...CONTENT_SCRIPT_FILES.js]);
    expect(script?.css).toEqual([...CONTENT_SCRIPT_FILES.css]);
    for (const file of [...CONTENT_SCRIPT_FILES.js, ...CONTENT_SCRIPT_FILES.css]) {
      expect(() => readFileSync(join(ensureBuild(browser), file)), file).not.toThrow();
    }
  });

  it('has a strict content security policy for its own pages', () => {
    const csp = m().content_security_policy?.extension_pages ?? '';
    const d = directives(csp);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    for (const [name, values] of d) {
      expect(
        values.filter((v) => /unsafe|^https?:|^\*|^data:|^blob:|^ws/.test(v)),
        name,
      ).toEqual([]);
    }
    expect(m().content_security_policy?.sandbox ?? undefined).toBeUndefined();
  });
});

describe('browser-specific keys', () => {
  it('has a gecko id, says it collects no data, and names the first Firefox that reads that', () => {
    const gecko = manifests.firefox.browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/^[a-z0-9._-]+@[a-z0-9._-]+$/i);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(Number.parseFloat(String(gecko?.strict_min_version))).toBeGreaterThanOrEqual(140);
    const android = manifests.firefox.browser_specific_settings?.gecko_android;
    expect(Number.parseFloat(String(android?.strict_min_version))).toBeGreaterThanOrEqual(142);
  });

  it('runs the background as an event page script (Firefox MV3 has no service worker)', () => {
    expect(manifests.firefox.background?.scripts).toEqual(['background.js']);
    expect(manifests.firefox.background?.service_worker).toBeUndefined();
  });

  it('Chrome gets no Firefox-only keys', () => {
    expect(manifests.chrome.browser_specific_settings).toBeUndefined();
    expect(manifests.chrome.background?.service_worker).toBe('background.js');
  });
});

describe('the permission snapshot helpers', () => {
  const snapshot = loadPermissionSnapshot();

  it('count content script matches as host access at install', () => {
    const grown = { permissions: [...snapshot.permissions], content_scripts: [{ matches: ['<all_urls>'] }] };
    expect(permissionGrowth(grown, snapshot)).toEqual(['host_permissions: <all_urls>']);
  });

  it('report every new permission, optional ones and web-accessible files included', () => {
    const grown = {
      permissions: [...snapshot.permissions, 'tabs'],
      optional_permissions: ['history'],
      host_permissions: [...snapshot.host_permissions, 'https://example.com/*'],
      optional_host_permissions: ['*://*/*', '<all_urls>'],
      web_accessible_resources: [{ resources: ['icon.png'], matches: ['<all_urls>'] }],
    };
    expect(permissionGrowth(grown, snapshot)).toEqual([
      'permissions: tabs',
      'optional_permissions: history',
      'host_permissions: https://example.com/*',
      'optional_host_permissions: <all_urls>',
      'web_accessible_resources: icon.png',
    ]);
  });

  it('recognise broad host patterns', () => {
    for (const p of ['<all_urls>', '*://*/*', 'https://*/*', 'http://*.com/*']) expect(isBroad(p), p).toBe(true);
    for (const p of ['*://*.bbc.co.uk/*', 'https://example.com/*', '*://*.example.com/*']) expect(isBroad(p), p).toBe(false);
  });
});

/** Width and height of a PNG file (from its IHDR chunk). */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1'), `${path} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The messages of a locale in the build. */
function messages(browser: BuildBrowser, locale: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join(ensureBuild(browser), '_locales', locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
}

describe.each(browsers)('the %s toolbar button and icons', (browser) => {
  const m = (): Manifest => manifests[browser];
  const SIZES = ['16', '32', '48', '96', '128'];

  it('has icons of every size, 128 px included, and the files are square PNGs of that size', () => {
    const icons = m().icons as Record<string, string>;
    expect(Object.keys(icons).sort((a, b) => Number(a) - Number(b))).toEqual(SIZES);
    for (const [size, file] of Object.entries(icons)) {
      expect(pngSize(join(ensureBuild(browser), file))).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it('gives the toolbar button the same icons', () => {
    const action = m().action as { default_icon?: Record<string, string> };
    expect(action.default_icon).toEqual(m().icons);
  });

  it('has a localized toolbar title (not the popup’s <title>), in English and Japanese', () => {
    const action = m().action as { default_title?: string; default_popup?: string };
    expect(action.default_title).toBe('__MSG_actionTitle__');
    expect(action.default_popup).toBe('popup.html');
    expect(m().name).toBe('__MSG_extName__');
    expect(m().description).toBe('__MSG_extDescription__');
    expect(messages(browser, 'en')['actionTitle']?.message).toBe('News Glossary');
    expect(messages(browser, 'ja')['actionTitle']?.message).toBe('ニュース用語集');
  });
});

describe('the Firefox add-on id', () => {
  it('is the permanent, email-like id chosen for AMO', () => {
    expect(manifests.firefox.browser_specific_settings?.gecko?.id).toBe('news-glossary@newsglossary.org');
  });
});
