/**
 * The permission snapshot (tests/fixtures/manifest-permissions.json): everything the extension may
 * ask the browser for. A built manifest that asks for more fails the build (wxt.config.ts) and the
 * tests (tests/unit/manifest.test.ts), so a new permission is always a deliberate, reviewed change.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the snapshot lives. */
export const PERMISSION_SNAPSHOT_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../tests/fixtures/manifest-permissions.json',
);

/** What a manifest asks for, each list sorted. */
export interface PermissionSnapshot {
  /** API permissions granted at install. */
  permissions: string[];
  /** API permissions the extension may request later. */
  optional_permissions: string[];
  /** Host access at install: `host_permissions` and every content script's `matches`. */
  host_permissions: string[];
  /** Host access the extension may request later. */
  optional_host_permissions: string[];
  /** Files that web pages can load (and so detect the extension by). */
  web_accessible_resources: string[];
}

const KEYS = [
  'permissions',
  'optional_permissions',
  'host_permissions',
  'optional_host_permissions',
  'web_accessible_resources',
] as const;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

/** What a manifest (a built manifest.json, MV3) asks for. */
export function manifestAsks(manifest: Record<string, unknown>): PermissionSnapshot {
  const scripts = Array.isArray(manifest.content_scripts) ? (manifest.content_scripts as Record<string, unknown>[]) : [];
  const resources = Array.isArray(manifest.web_accessible_resources) ? (manifest.web_accessible_resources as unknown[]) : [];
  return {
    permissions: sorted(strings(manifest.permissions)),
    optional_permissions: sorted(strings(manifest.optional_permissions)),
    host_permissions: sorted([...strings(manifest.host_permissions), ...scripts.flatMap((s) => strings(s.matches))]),
    optional_host_permissions: sorted(strings(manifest.optional_host_permissions)),
    web_accessible_resources: sorted(
      resources.flatMap((r) => (typeof r === 'string' ? [r] : strings((r as Record<string, unknown> | null)?.resources))),
    ),
  };
}

/** Reads the snapshot file. */
export function loadPermissionSnapshot(path: string = PERMISSION_SNAPSHOT_PATH): PermissionSnapshot {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const out = {} as PermissionSnapshot;
  for (const key of KEYS) {
    if (!Array.isArray(raw[key])) throw new Error(`${path}: "${key}" must be an array of strings`);
    out[key] = sorted(strings(raw[key]));
  }
  return out;
}

/** One line per thing the manifest asks for beyond the snapshot; empty when it asks for no more. */
export function permissionGrowth(manifest: Record<string, unknown>, snapshot: PermissionSnapshot): string[] {
  const asks = manifestAsks(manifest);
  return KEYS.flatMap((key) => {
    const allowed = new Set(snapshot[key]);
    return asks[key].filter((x) => !allowed.has(x)).map((x) => `${key}: ${x}`);
  });
}
