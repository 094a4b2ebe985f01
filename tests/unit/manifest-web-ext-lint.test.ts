/**
 * web-ext lint (Mozilla's add-on linter, as AMO runs it on upload) on the Firefox build: no errors,
 * no unsafe-code warnings (UNSAFE_VAR_ASSIGNMENT, DANGEROUS_EVAL…), and no other warning that is
 * not listed here with its reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../../scripts/ensure-build';
import { gateFailures, lintFirefoxBuild, UNSAFE_WARNING, type LintReport } from '../../scripts/web-ext-lint';

/** Warnings accepted on purpose, by code, with the reason. None today. */
const ACCEPTED_WARNINGS: Record<string, string> = {};

let report: LintReport;

beforeAll(async () => {
  report = await lintFirefoxBuild(ensureBuild('firefox'));
}, 240_000);

describe('web-ext lint on .output/firefox-mv3', () => {
  it('finds no errors', () => {
    expect(report.errors).toEqual([]);
  });

  it('finds no unsafe-code warnings', () => {
    expect(report.warnings.filter((w) => UNSAFE_WARNING.test(w.code))).toEqual([]);
    expect(gateFailures(report)).toEqual([]);
  });

  it('finds no other warning than the accepted ones', () => {
    expect(report.warnings.filter((w) => !(w.code in ACCEPTED_WARNINGS))).toEqual([]);
  });
});

describe('the gate', () => {
  it('fails on errors and unsafe warnings, not on other warnings', () => {
    const m = (code: string) => ({ code, message: code });
    const failing = gateFailures({
      errors: [m('MANIFEST_FIELD_INVALID')],
      warnings: [m('UNSAFE_VAR_ASSIGNMENT'), m('DANGEROUS_EVAL'), m('NO_IMPLIED_EVAL'), m('MANIFEST_PERMISSIONS')],
      notices: [m('SOMETHING')],
    });
    expect(failing.map((f) => f.code)).toEqual([
      'MANIFEST_FIELD_INVALID',
      'UNSAFE_VAR_ASSIGNMENT',
      'DANGEROUS_EVAL',
      'NO_IMPLIED_EVAL',
    ]);
  });
});
