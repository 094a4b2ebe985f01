/** A small glossary for unit tests of the matcher (independent of the bundled data). */
import type { Entry } from '../../src/core/glossary-types';

const src = [{ title: 'Test source', url: 'https://example.org/' }];

/** Builds a test entry. */
export function entry(id: string, term: string, kind: Entry['kind'], extra: Partial<Entry> = {}): Entry {
  return { id, term, kind, summary: `${term} (test entry).`, sources: src, updated: '2026-11-01', ...extra };
}

/** Entries covering the seed article's terms and the tricky cases. */
export const TEST_ENTRIES: Entry[] = [
  entry('nato', 'NATO', 'organization', {
    aliases: ['North Atlantic Treaty Organization', 'Nato', { text: '北大西洋条約機構', lang: 'ja' }],
  }),
  entry('ip4', 'IP4', 'group'),
  entry('acsa', 'ACSA', 'agreement', { aliases: ['acquisition and cross-servicing agreement'] }),
  entry('ldp', 'Liberal Democratic Party', 'party', { aliases: ['LDP', { text: '自民党', lang: 'ja' }] }),
  entry('olaf-scholz', 'Olaf Scholz', 'person', {
    periods: [{ role: 'Chancellor of Germany', from: '2021-12-08', to: '2025-05-06' }],
    aliases: [{ text: 'オラフ・ショルツ', lang: 'ja' }],
  }),
  entry('fumio-kishida', 'Fumio Kishida', 'person', {
    periods: [{ role: 'Prime Minister of Japan', from: '2021-10-04', to: '2024-10-01' }],
    aliases: [{ text: '岸田文雄', lang: 'ja' }],
  }),
  entry('keir-starmer', 'Keir Starmer', 'person', {
    periods: [{ role: 'Prime Minister of the United Kingdom', from: '2024-07-05' }],
  }),
  entry('yoon-suk-yeol', 'Yoon Suk Yeol', 'person', { surname: 'Yoon' }),
  entry('volodymyr-zelenskyy', 'Volodymyr Zelenskyy', 'person', { aliases: [{ text: 'ゼレンスキー', lang: 'ja' }] }),
  entry('recep-erdogan', 'Recep Tayyip Erdoğan', 'person'),
  entry('labour-party-uk', 'Labour Party', 'party', { aliases: ['Labour'] }),
  entry('conservative-party-uk', 'Conservative Party', 'party', { aliases: ['Conservative', 'Conservatives', 'Tories'] }),
  entry('japan', 'Japan', 'country', { aliases: [{ text: '日本', lang: 'ja' }] }),
  entry('japan-self-defense-forces', 'Japan Self-Defense Forces', 'military', {
    aliases: ['Self-Defense Forces', 'Self-Defence Forces', 'SDF'],
  }),
  entry('south-korea', 'South Korea', 'country'),
  entry('korea', 'Korea', 'place'),
  entry('indo-pacific', 'Indo-Pacific', 'place'),
  entry('ballistic-missile', 'ballistic missile', 'concept', { aliases: [{ text: 'ballistic missile', plural: true }] }),
  entry('peoples-republic', "People's Republic of China", 'country', { aliases: ['PRC'] }),
  entry('us', 'United States', 'country', { aliases: ['US', 'USA'] }),
  entry('hans-smith', 'Hans Smith', 'person'),
  entry('anna-smith', 'Anna Smith', 'person', { periods: [{ role: 'Governor of Testland', from: '2020-01-01' }] }),
];
