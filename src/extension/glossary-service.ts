/**
 * The background's glossary service: compiles the glossary once per service-worker life and
 * answers the content script's `analyze` requests off the page's main thread.
 */
import { GlossaryEngine } from '../core/engine';
import type { Entry } from '../core/glossary-types';
import type { AnalyzeRequest, AnalyzeResponse } from './protocol';

/** A service over a glossary that may change (the user's import). */
export interface GlossaryService {
  /** Mentions in a page's text, with the entries they refer to. */
  analyze(req: AnalyzeRequest): AnalyzeResponse;
  /** Drops the compiled glossary, so the next request compiles the current entries. */
  invalidate(): void;
}

/** Creates the service; `entries` is asked again after each `invalidate()`. */
export function createGlossaryService(entries: () => Entry[]): GlossaryService {
  let engine: GlossaryEngine | undefined;
  const get = (): GlossaryEngine => (engine ??= new GlossaryEngine(entries()));
  return {
    analyze({ text, date }) {
      const e = get();
      const result = e.analyze(text, date ? { date } : {});
      const out: Record<string, Entry> = Object.create(null);
      const include = (id: string): void => {
        const entry = e.entry(id);
        if (entry) out[id] = entry;
      };
      for (const m of result.matches) {
        if (out[m.id]) continue;
        include(m.id);
        for (const r of out[m.id]?.related ?? []) include(r);
      }
      for (const a of result.articleEntries) out[a.id] = a;
      return { matches: result.matches, entries: out, definitions: result.definitions };
    },
    invalidate() {
      engine = undefined;
    },
  };
}
