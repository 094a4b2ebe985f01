/**
 * The options page: how terms are marked and shown on pages (parts in ./options-sections.ts), the
 * topic packs that are on (./options-packs.ts), and "My glossary" (import, export, remove, add one
 * term). Each change is saved at once. Import errors are listed in a role="alert" region, one line
 * per problem, naming the entry and the field.
 *
 * The DOM is built with createElement and textContent only. Everything that touches the browser
 * comes in through `OptionsDeps`, so DOM tests pass fakes.
 */
import { ENTRY_KINDS, type Entry, type EntryKind } from '../core/glossary-types';
import { uniqueId } from '../core/entry-id';
import { urlHostname } from '../core/urls';
import { ADD_PARAM } from '../extension/context-menu';
import { localize, t, uiLanguage, type MessageKey } from '../extension/i18n';
import { backgroundMessaging, type PackInfo } from '../extension/protocol';
import {
  loadSettings,
  MAX_HOVER_DELAY_MS,
  saveSettings,
  settingsItem,
  sanitizeSettings,
  type Settings,
} from '../extension/settings';
import {
  addUserEntry,
  exportUserGlossary,
  importUserGlossary,
  loadUserGlossary,
  removeUserGlossary,
  userGlossaryItem,
  type ImportFile,
  type ImportProblem,
  type ImportResult,
  type StoredUserGlossary,
} from '../extension/user-glossary';
import { el, need as needIn } from './dom';
import { startPacks } from './options-packs';
import { startKinds, startShortcuts, startSites } from './options-sections';

export { shortcutLabel } from './options-sections';

/** Everything the options page needs from the browser. */
export interface OptionsDeps {
  /** The page's document. */
  doc: Document;
  /** The page's query string (`?add=<term>` fills in the add-a-term form). */
  params: URLSearchParams;
  /** Current settings. */
  loadSettings(): Promise<Settings>;
  /** Saves a change; resolves to the settings saved. */
  saveSettings(change: Partial<Settings>): Promise<Settings>;
  /** Calls back when the settings change elsewhere (the popup's switch); returns an unwatch. */
  watchSettings(cb: (s: Settings) => void): () => void;
  /** The bundled packs, each to be turned on or off. */
  loadPacks(): Promise<PackInfo[]>;
  /** The user's glossary, or null. */
  loadUserGlossary(): Promise<StoredUserGlossary | null>;
  /** Calls back when the user's glossary changes elsewhere; returns an unwatch. */
  watchUserGlossary(cb: () => void): () => void;
  /** Imports a file as the user's glossary (all or nothing). */
  importFile(file: ImportFile): Promise<ImportResult>;
  /** Adds one entry to the user's glossary. */
  addEntry(entry: Entry): Promise<ImportResult>;
  /** Removes the user's glossary. */
  removeUserGlossary(): Promise<void>;
  /** Ids in use (bundled and user), so a new entry gets its own. */
  takenIds(): Promise<Set<string>>;
  /** Offers a text file for download. */
  download(fileName: string, text: string): void;
  /** Today, YYYY-MM-DD. */
  today(): string;
}

const MY_GLOSSARY_DEFAULTS = { name: 'My glossary', description: 'Terms I added myself.', language: 'en' };

const need = <T extends HTMLElement>(doc: Document, id: string): T => needIn<T>(doc, id, 'options.html');

/** One problem as a line: "Entry 4 (Fumio Kishida), field summary: must be plain text". */
export function problemLine(p: ImportProblem): string {
  const name = p.entryName ?? t('unnamedEntry');
  if (p.entryNumber !== undefined && p.field) return t('problemEntryField', [p.entryNumber, name, p.field, p.message]);
  if (p.entryNumber !== undefined) return t('problemEntry', [p.entryNumber, name, p.message]);
  if (p.path) return t('problemField', [p.path, p.message]);
  return p.message;
}

const FAILURE_MESSAGE: Record<string, MessageKey> = {
  'too-large': 'importTooLarge',
  'not-json': 'importNotJson',
  invalid: 'importInvalid',
  storage: 'importStorage',
};

/** Shows a refused import or addition in a role="alert" region. */
function showProblems(doc: Document, region: HTMLElement, heading: string, result: Extract<ImportResult, { ok: false }>): void {
  const list = el(doc, 'ul', 'problems');
  for (const p of result.problems) list.append(el(doc, 'li', undefined, problemLine(p)));
  const parts: HTMLElement[] = [el(doc, 'p', 'problem-heading', heading), list];
  if (result.total > result.problems.length)
    parts.push(el(doc, 'p', 'note', t('problemMore', result.total - result.problems.length)));
  region.replaceChildren(...parts);
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return d.toISOString();
  }
}

/** Starts the options page; resolves once the form shows the stored settings. */
export async function startOptions(deps: OptionsDeps): Promise<void> {
  const { doc } = deps;
  localize(doc.body);
  doc.title = t('optionsTitle');
  const saved = need<HTMLElement>(doc, 'saved');
  let settings = await deps.loadSettings();

  const save = async (change: Partial<Settings>): Promise<void> => {
    settings = await deps.saveSettings(change);
    saved.textContent = t('saved');
    render();
  };

  // Pages.
  const enabled = need<HTMLInputElement>(doc, 'enabled');
  const hoverDelay = need<HTMLInputElement>(doc, 'hover-delay');
  const pageChrome = need<HTMLInputElement>(doc, 'page-chrome');
  const outsideArticle = need<HTMLInputElement>(doc, 'outside-article');
  const radios = (name: string): HTMLInputElement[] => [
    ...doc.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${name}"]`),
  ];
  hoverDelay.max = String(MAX_HOVER_DELAY_MS);

  enabled.addEventListener('change', () => void save({ enabled: enabled.checked }));
  pageChrome.addEventListener('change', () => void save({ includePageChrome: pageChrome.checked }));
  outsideArticle.addEventListener('change', () => void save({ markOutsideArticle: outsideArticle.checked }));
  hoverDelay.addEventListener('change', () => void save({ hoverDelayMs: Number(hoverDelay.value) }));
  for (const r of radios('mark-style'))
    r.addEventListener('change', () => void save({ markStyle: r.value as Settings['markStyle'] }));
  for (const r of radios('mentions')) r.addEventListener('change', () => void save({ markEveryMention: r.value === 'every' }));
  for (const r of radios('modifier'))
    r.addEventListener('change', () => void save({ modifierKey: r.value as Settings['modifierKey'] }));

  const renderShortcuts = startShortcuts(doc, () => settings, save);
  const renderKinds = startKinds(doc, () => settings, save);
  const renderSites = startSites(doc, () => settings, save);
  const packs = startPacks({ doc, loadPacks: () => deps.loadPacks(), settings: () => settings, save });

  const render = (): void => {
    enabled.checked = settings.enabled;
    pageChrome.checked = settings.includePageChrome;
    outsideArticle.checked = settings.markOutsideArticle;
    hoverDelay.value = String(settings.hoverDelayMs);
    for (const r of radios('mark-style')) r.checked = r.value === settings.markStyle;
    for (const r of radios('mentions')) r.checked = (r.value === 'every') === settings.markEveryMention;
    for (const r of radios('modifier')) r.checked = r.value === settings.modifierKey;
    renderShortcuts(settings);
    renderKinds(settings);
    renderSites(settings);
    packs.render(settings);
  };
  render();
  deps.watchSettings((next) => {
    settings = next;
    render();
  });

  await Promise.all([packs.ready, startMyGlossary(deps)]);
}

/** The "My glossary" section. */
async function startMyGlossary(deps: OptionsDeps): Promise<void> {
  const { doc } = deps;
  const info = need<HTMLElement>(doc, 'my-info');
  const fileInput = need<HTMLInputElement>(doc, 'import-file');
  const exportButton = need<HTMLButtonElement>(doc, 'export');
  const removeButton = need<HTMLButtonElement>(doc, 'remove');
  const status = need<HTMLElement>(doc, 'import-status');
  const errors = need<HTMLElement>(doc, 'import-errors');
  let stored: StoredUserGlossary | null = null;

  const renderInfo = async (): Promise<void> => {
    stored = await deps.loadUserGlossary();
    if (!stored) info.textContent = t('myGlossaryNone');
    else {
      const g = stored.glossary;
      info.textContent = t('myGlossaryInfo', [g.name, g.entries.length, stored.fileName, formatDate(stored.importedAt)]);
    }
    exportButton.disabled = !stored;
    removeButton.disabled = !stored;
    removeButton.textContent = t('removeButton');
    delete removeButton.dataset.confirm;
  };

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    status.textContent = t('importChecking', file.name);
    errors.replaceChildren();
    deps
      .importFile(file)
      .then(async (result) => {
        if (result.ok) {
          status.textContent = t('importOk', [result.entries, file.name]);
          await renderInfo();
        } else {
          status.textContent = '';
          const count = String(result.total);
          showProblems(doc, errors, t(FAILURE_MESSAGE[result.failure] ?? 'importInvalid', [file.name, count]), result);
        }
      })
      .catch((err: unknown) => {
        status.textContent = '';
        errors.replaceChildren(
          el(doc, 'p', 'problem-heading', t('importStorage', file.name)),
          el(doc, 'p', undefined, String(err)),
        );
      })
      .finally(() => {
        // The same file can be chosen again after it was fixed.
        fileInput.value = '';
      });
  });

  exportButton.addEventListener('click', () => {
    if (!stored) return;
    deps.download(stored.fileName || 'my-glossary.json', exportUserGlossary(stored));
  });

  removeButton.addEventListener('click', () => {
    if (!stored) return;
    if (removeButton.dataset.confirm !== 'yes') {
      // Two steps instead of confirm(): a dialog would block the page (and the tests).
      removeButton.dataset.confirm = 'yes';
      removeButton.textContent = t('removeConfirm', stored.glossary.entries.length);
      return;
    }
    void deps.removeUserGlossary().then(async () => {
      status.textContent = t('removed');
      errors.replaceChildren();
      await renderInfo();
    });
  });

  deps.watchUserGlossary(() => void renderInfo());
  await renderInfo();
  await startAddForm(deps);
}

/** The add-a-term form (the context menu's "Add it to My glossary" lands here, filled in). */
async function startAddForm(deps: OptionsDeps): Promise<void> {
  const { doc } = deps;
  const form = need<HTMLFormElement>(doc, 'add-form');
  const term = need<HTMLInputElement>(doc, 'add-term');
  const kind = need<HTMLSelectElement>(doc, 'add-kind');
  const summary = need<HTMLTextAreaElement>(doc, 'add-summary');
  const source = need<HTMLInputElement>(doc, 'add-source');
  const status = need<HTMLElement>(doc, 'add-status');
  const errors = need<HTMLElement>(doc, 'add-errors');
  kind.replaceChildren(
    ...ENTRY_KINDS.map((k) => {
      const o = el(doc, 'option', undefined, t(`kind_${k}` as MessageKey));
      o.value = k;
      return o;
    }),
  );
  kind.value = 'concept';

  const prefill = deps.params.get(ADD_PARAM);
  if (prefill) {
    term.value = prefill;
    need<HTMLElement>(doc, 'my-glossary').scrollIntoView?.({ block: 'start' });
    summary.focus();
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = term.value.trim();
    const title = urlHostname(source.value) ?? source.value.trim();
    void deps.takenIds().then(async (taken) => {
      const entry: Entry = {
        id: uniqueId(text, taken),
        term: text,
        kind: kind.value as EntryKind,
        summary: summary.value.trim(),
        sources: [{ title: title || text, url: source.value.trim() }],
        updated: deps.today(),
      };
      const result = await deps.addEntry(entry);
      if (result.ok) {
        errors.replaceChildren();
        status.textContent = t('addDone', text);
        form.reset();
        kind.value = 'concept';
      } else {
        status.textContent = '';
        showProblems(doc, errors, t('addRefused', text), result);
      }
    });
  });
}

/** Today in the local time zone, YYYY-MM-DD. */
function localToday(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The options page's dependencies in the extension. */
export function createBrowserOptionsDeps(doc: Document, search: string): OptionsDeps {
  // The bundled glossary is large: loaded only when an import or an added term needs its ids.
  const bundledIds = async (): Promise<string[]> =>
    (await import('../extension/bundled-glossary')).bundledEntries().map((e) => e.id);
  return {
    doc,
    params: new URLSearchParams(search),
    loadSettings,
    saveSettings,
    watchSettings: (cb) => settingsItem.watch((v) => cb(sanitizeSettings(v))),
    loadPacks: () => backgroundMessaging.sendMessage('getPacks', undefined),
    loadUserGlossary: () => loadUserGlossary(),
    watchUserGlossary: (cb) => userGlossaryItem.watch(() => cb()),
    importFile: async (file) => importUserGlossary(file, { bundledIds: await bundledIds() }),
    addEntry: async (entry) => addUserEntry(entry, { bundledIds: await bundledIds(), defaults: MY_GLOSSARY_DEFAULTS }),
    removeUserGlossary: () => removeUserGlossary(),
    takenIds: async () => {
      const user = await loadUserGlossary();
      return new Set([...(await bundledIds()), ...(user?.glossary.entries.map((e) => e.id) ?? [])]);
    },
    download(fileName, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = el(doc, 'a');
      a.href = url;
      a.download = fileName;
      doc.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    today: () => localToday(),
  };
}
