/**
 * Writes src/core/generated/common-names.json: the common English given names and surnames of
 * the `@faker-js/faker` package's English locale, folded to lower case. A bare surname that is
 * one of them ("Jackson said") is not taken for the one glossary person of that name unless the
 * article names the person in full or gives a title. A unit test checks the file is up to date.
 */
import { en } from '@faker-js/faker';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const flat = (x: unknown): string[] => (Array.isArray(x) ? (x as string[]) : Object.values(x as object).flat());

/** The sorted, folded names the generated file holds. */
export function commonNames(): string[] {
  const person = en.person as { first_name: unknown; last_name: unknown };
  const all = [...flat(person.first_name), ...flat(person.last_name)].map((n) =>
    n
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase(),
  );
  return [...new Set(all.filter((n) => /^[a-z'-]+$/.test(n)))].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL('../src/core/generated/common-names.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify(commonNames())}\n`);
  console.log(`wrote ${fileURLToPath(out)}`);
}
