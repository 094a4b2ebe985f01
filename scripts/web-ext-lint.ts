/**
 * Runs Mozilla's add-on linter (web-ext lint, as addons.mozilla.org does on upload) on the Firefox
 * build. The gate: no errors, and none of the warnings that mean unsafe code (HTML assigned from a
 * variable, eval and its relatives). Any other warning is reported and, in the test, must be listed.
 *
 * CLI (`npm run lint:firefox`): `tsx scripts/web-ext-lint.ts [.output/firefox-mv3]`; exits 1 if
 * the gate fails or there is any warning.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One message of the linter. */
export interface LintMessage {
  /** Machine-readable code, e.g. UNSAFE_VAR_ASSIGNMENT. */
  code: string;
  /** One-line message. */
  message: string;
  /** File in the package, when the message is about one. */
  file?: string;
  /** Line in that file. */
  line?: number;
}

/** The linter's report. */
export interface LintReport {
  /** Blocking problems: AMO rejects the upload. */
  errors: LintMessage[];
  /** Problems a reviewer looks at. */
  warnings: LintMessage[];
  /** Information. */
  notices: LintMessage[];
}

/** Warning codes that mean unsafe code: never allowed. */
export const UNSAFE_WARNING = /^(UNSAFE_|DANGEROUS_EVAL|NO_IMPLIED_EVAL|OPENDIALOG_|NO_DOCUMENT_WRITE|MOZINDEXEDDB)/;

interface WebExt {
  cmd: {
    lint(
      params: { sourceDir: string; output: 'none'; boring: boolean; selfHosted: boolean; warningsAsErrors: boolean },
      options: { shouldExitProgram: boolean },
    ): Promise<LintReport>;
  };
}

/** Lints a built Firefox extension folder (with its manifest.json). */
export async function lintFirefoxBuild(sourceDir: string): Promise<LintReport> {
  if (!existsSync(resolve(sourceDir, 'manifest.json'))) {
    throw new Error(`No build in ${sourceDir}: run \`npm run build:firefox\` first`);
  }
  // web-ext ships no type declarations; WebExt above is the part used here.
  const { default: webExt } = (await import('web-ext' as string)) as { default: WebExt };
  const report = await webExt.cmd.lint(
    { sourceDir: resolve(sourceDir), output: 'none', boring: true, selfHosted: false, warningsAsErrors: false },
    { shouldExitProgram: false },
  );
  const pick = (ms: LintMessage[]): LintMessage[] => ms.map(({ code, message, file, line }) => ({ code, message, file, line }));
  return { errors: pick(report.errors), warnings: pick(report.warnings), notices: pick(report.notices) };
}

/** The messages that fail the gate: every error and every unsafe-code warning. */
export function gateFailures(report: LintReport): LintMessage[] {
  return [...report.errors, ...report.warnings.filter((w) => UNSAFE_WARNING.test(w.code))];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? '.output/firefox-mv3';
  const report = await lintFirefoxBuild(dir);
  const show = (kind: string, ms: LintMessage[]): void => {
    for (const m of ms) console.log(`${kind} ${m.code}${m.file ? ` ${m.file}${m.line ? `:${m.line}` : ''}` : ''}: ${m.message}`);
  };
  show('error', report.errors);
  show('warning', report.warnings);
  show('notice', report.notices);
  console.log(
    `web-ext lint ${dir}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`,
  );
  process.exit(report.errors.length || report.warnings.length ? 1 : 0);
}
