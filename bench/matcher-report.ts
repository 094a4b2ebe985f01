/** The markdown report of `npm run bench` (bench/matcher.bench.ts). */

type Times = { ours: number; combinedRegex: number; ahoCorasick: number; perTermRegex?: number };

/** One glossary size. */
export interface Case {
  terms: number;
  textBytes: number;
  compileMs: number;
  ms: Times;
  sameMatches: boolean;
  // Extra figures (not in the schema).
  forms: number;
  nodes: number;
  matches: number;
  mbPerSec: number;
  heapMB: number;
  msMin: Times;
  /** Passes per timed sample. */
  passes: Record<string, number>;
  /** Our matcher on the raw extracted text. */
  raw: { textBytes: number; ms: number; mbPerSec: number; matches: number };
  /** First pass of the combined regex: V8 compiles a RegExp on first use. */
  combinedRegexFirstMs: number;
  /** Building the Aho–Corasick automaton (the `ahocorasick` package). */
  ahoCorasickCompileMs: number;
  /** Its hits: substrings, overlapping (more than the matches). */
  ahoCorasickHits: number;
  combinedRegexSourceKB: number;
  /** Forms left out because the corpus also writes them in a way only our matcher accepts. */
  excludedForms: number;
  perTermRegexSkipped?: string;
  /** --flexible: the combined regex with `[ \t\n\r\u00a0]+` between words. */
  flexibleRegex?: { ms?: number; firstMs?: number; runs?: number; error?: string; sameMatches?: boolean };
  differences?: number;
}

export interface Bundled {
  files: string[];
  entries: number;
  forms: number;
  nodes: number;
  /** First load in this process (before any other matcher work): read + JSON.parse + compile. */
  coldLoadMs: number;
  /** The fuzzy index of that first load (built on the first analysis of a page). */
  coldFuzzyIndexMs: number;
  parseMs: number;
  compileMs: number;
  fuzzyIndexMs: number;
  heapMB: number;
  heapWithFuzzyMB: number;
}

export function markdown(cases: Case[], b: Bundled, m: Record<string, string | number>, REPS: number): string {
  const x = (a: number | undefined): string => (a === undefined ? '—' : `${a >= 100 ? Math.round(a) : a.toFixed(1)}×`);
  const ms = (a: number | undefined): string =>
    a === undefined ? 'skipped' : a >= 100 ? String(Math.round(a)) : a >= 10 ? a.toFixed(1) : a.toFixed(2);
  const c0 = cases[0];
  const lines = [
    `Node ${m.node} (V8 ${m.v8}), ${m.cpus} CPUs (${m.cpu}), ${m.os}, load average ${m.loadAverage} at the end; ${REPS} repetitions, medians; ms per pass over all pages.`,
    '',
    '| terms | forms | text KB | compile ms | heap MB | ours ms | MB/s | combined regex ms | × | Aho–Corasick ms (build ms) | × | per-term regex ms | × | matches | sameMatches |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|',
  ];
  for (const c of cases) {
    const cells = [
      c.terms.toLocaleString('en'),
      c.forms.toLocaleString('en'),
      (c.textBytes / 1000).toFixed(1),
      ms(c.compileMs),
      c.heapMB.toFixed(1),
      ms(c.ms.ours),
      c.mbPerSec.toFixed(1),
      ms(c.ms.combinedRegex),
      x(c.ms.combinedRegex / c.ms.ours),
      `${ms(c.ms.ahoCorasick)} (${ms(c.ahoCorasickCompileMs)})`,
      x(c.ms.ahoCorasick / c.ms.ours),
      ms(c.ms.perTermRegex),
      x(c.ms.perTermRegex === undefined ? undefined : c.ms.perTermRegex / c.ms.ours),
      String(c.matches),
      String(c.sameMatches),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (c0) {
    lines.push(
      '',
      `Our matcher on the raw extracted text (${(c0.raw.textBytes / 1000).toFixed(1)} KB, white space as extracted):`,
      '',
      '| terms | ours ms | MB/s | matches |',
      '|---:|---:|---:|---:|',
      ...cases.map(
        (c) => `| ${c.terms.toLocaleString('en')} | ${ms(c.raw.ms)} | ${c.raw.mbPerSec.toFixed(1)} | ${c.raw.matches} |`,
      ),
      '',
      'Combined regex, first pass (V8 compiles a RegExp on first use): ' +
        cases
          .map(
            (c) => `${c.terms.toLocaleString('en')}: ${ms(c.combinedRegexFirstMs)} ms (${c.combinedRegexSourceKB} KB of source)`,
          )
          .join('; ') +
        '.',
    );
  }
  if (cases.some((c) => c.flexibleRegex)) {
    lines.push(
      '',
      'Combined regex with flexible spaces (`[ \\t\\n\\r\\u00a0]+` between words), `--flexible`:',
      '',
      '| terms | first pass ms | median ms (of 2 more) | × ours | sameMatches | note |',
      '|---:|---:|---:|---:|:---:|---|',
      ...cases
        .filter((c) => c.flexibleRegex)
        .map((c) => {
          const f = c.flexibleRegex!;
          return `| ${c.terms.toLocaleString('en')} | ${ms(f.firstMs)} | ${ms(f.ms)} | ${x(f.ms === undefined ? undefined : f.ms / c.ms.ours)} | ${f.sameMatches ?? '—'} | ${f.error ?? ''} |`;
        }),
    );
  }
  lines.push(
    '',
    '×: how many times faster ours is. Aho–Corasick: the `ahocorasick` package on the same spellings as the combined regex; substring hits, overlapping, no word or case rules (' +
      cases.map((c) => `${c.terms.toLocaleString('en')}: ${c.ahoCorasickHits} hits`).join('; ') +
      '); not compared for sameMatches.',
  );
  lines.push(
    '',
    'Bundled glossary (glossary/*.json):',
    '',
    '| files | entries | forms | trie nodes | first load ms (read, parse, compile) | then: JSON.parse ms | compile ms | fuzzy index ms (first) | heap MB (with fuzzy index) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${b.files.join(', ')} | ${b.entries} | ${b.forms} | ${b.nodes} | ${ms(b.coldLoadMs)} | ${ms(b.parseMs)} | ${ms(b.compileMs)} | ${ms(b.fuzzyIndexMs)} (${ms(b.coldFuzzyIndexMs)}) | ${b.heapMB.toFixed(1)} (${b.heapWithFuzzyMB.toFixed(1)}) |`,
    '',
  );
  return `${lines.join('\n')}\n`;
}
