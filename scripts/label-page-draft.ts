/**
 * Drafts the labels of a corpus page for review: every mention the engine finds now, in text
 * order, with its sentence, as tests/fixtures/labeled/pages/NAME.json. A reviewer then deletes
 * the false ones, adds the missed ones and records the article's own definitions. Not run by
 * tests; `npx tsx scripts/label-page-draft.ts tests/fixtures/pages/bbc-1.html URL`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readHtml } from '../src/cli/article';
import { contextOf } from '../src/cli/commands/find';
import { GlossaryEngine } from '../src/core/engine';
import type { GlossaryFile } from '../src/core/glossary-types';

const [file, url] = process.argv.slice(2) as [string, string];
const dir = 'glossary';
const entries = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as GlossaryFile).entries);
const engine = new GlossaryEngine(entries);
const { text, date } = await readHtml(readFileSync(file, 'utf8'), url);
const a = engine.analyze(text, date ? { date } : {});
const name = path.basename(file, '.html');
const out = {
  source: file,
  url,
  date: date ?? null,
  note: 'DRAFT from the engine: review every mention',
  mentions: a.matches.filter((m) => !m.id.startsWith('article:')).map((m) => [m.id, m.text, contextOf(text, m.start, m.end)]),
  article: Object.values(a.definitions).map((d) => [d.term, d.definition]),
};
writeFileSync(`tests/fixtures/labeled/pages/${name}.json`, `${JSON.stringify(out, null, 2)}\n`);
console.log(name, out.mentions.length, 'mentions', out.article.length, 'article definitions', text.length, 'chars');
