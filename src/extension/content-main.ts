/**
 * The content script's wiring: settings, the page glossary, messages from the popup, and a clean
 * stop when the extension is reloaded or updated ("Extension context invalidated").
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageGlossary, preparePage } from '../page/controller';
import { injectedTooltipCode } from '../page/tooltip-code';
import { t } from './i18n';
import { backgroundMessaging, contentMessaging } from './protocol';
import { isActiveOn, loadSettings, settingsItem, sanitizeSettings, type Settings } from './settings';

/** The tooltip library, run in this frame by the background when first needed. */
const loadTooltipCode = injectedTooltipCode(() => backgroundMessaging.sendMessage('loadTooltipCode', undefined));

/**
 * Starts the glossary on this page, bound to the content script's lifetime. `settings`: the read
 * the script's first task started (the page's start waits for it).
 */
export async function startContentScript(ctx: ContentScriptContext, settings = loadSettings()): Promise<void> {
  let run: { glossary: PageGlossary; abort: AbortController } | undefined;
  // Each start or stop takes a new generation, so a start still reading settings when another
  // start or a stop comes along gives way (never two page glossaries at once).
  let generation = 0;
  const stop = (): void => {
    generation++;
    run?.abort.abort();
    run = undefined;
  };
  ctx.onInvalidated(stop);

  let first: Promise<Settings> | undefined = settings;
  const begin = async (): Promise<void> => {
    const mine = ++generation;
    const reading = first ?? loadSettings();
    first = undefined;
    // While storage answers: the article and its date, read from the page (nothing changed or sent).
    const prepared = preparePage(document);
    const settings = await reading;
    if (mine !== generation || run || !isActiveOn(settings, location.hostname)) return;
    // Wake the background now (a worker stopped after 30 s idle starts and compiles its glossary
    // while this page reads its text); the answer is not needed.
    backgroundMessaging.sendMessage('getEntries', []).catch(() => {});
    const abort = new AbortController();
    const glossary = new PageGlossary({
      doc: document,
      win: window,
      settings,
      signal: abort.signal,
      prepared,
      analyze: (req) => backgroundMessaging.sendMessage('analyze', req),
      message: t,
      loadTooltipCode,
      onTerms: (terms) => {
        if (ctx.isValid) backgroundMessaging.sendMessage('reportPageTerms', terms).catch(() => {});
      },
    });
    run = { glossary, abort };
    await glossary.start();
  };

  // SPA navigations (history changes) read the new page.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    run?.glossary.rescan().catch(report);
  });

  contentMessaging.onMessage('getPageTerms', () => run?.glossary.pageTerms() ?? []);
  // The user's glossary changed (import, remove): read the page again with the new glossary.
  contentMessaging.onMessage('glossaryChanged', () => {
    if (!run) return; // off on this site; the next start reads the new glossary anyway
    stop();
    begin().catch(report);
  });
  contentMessaging.onMessage('revealTerm', ({ data }) => run?.glossary.revealId(data) ?? false);

  const unwatch = settingsItem.watch((value) => {
    if (!ctx.isValid) return;
    const next = sanitizeSettings(value);
    const active = isActiveOn(next, location.hostname);
    if (!active) stop();
    else if (!run) begin().catch(report);
    else run.glossary.applySettings(next);
  });
  ctx.onInvalidated(unwatch);

  await begin().catch(report);
}

function report(err: unknown): void {
  // After an extension reload the old script's messages fail; that is expected, not an error.
  const msg = err instanceof Error ? err.message : String(err);
  if (/context invalidated|Receiving end does not exist/i.test(msg)) return;
  console.warn('[News Glossary]', msg);
}
