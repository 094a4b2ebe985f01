/**
 * The options page's topic packs (#13): every bundled pack with its localized name, size and
 * description, each with an on/off switch (all on by default). Turning one off saves the names of
 * the packs that are off (`Settings.packsOff`); the background then drops their entries and open
 * pages analyze again. My glossary is not a pack here: it is always on.
 *
 * The DOM is built with createElement and textContent only.
 */
import { t, tOptional, uiLanguage } from '../extension/i18n';
import type { PackInfo } from '../extension/protocol';
import { sanitizePacksOff, type Settings } from '../extension/settings';
import { el, need as needIn } from './dom';

const need = <T extends HTMLElement>(doc: Document, id: string): T => needIn<T>(doc, id, 'options.html');

/** The message key part of a pack name ("laws-and-concepts" → "laws_and_concepts"). */
function packKey(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '_');
}

/** A pack's name as the reader sees it: its `pack_<name>` message, else the pack's own name. */
export function packLabel(name: string): string {
  return tOptional(`pack_${packKey(name)}`) || name;
}

/** What a pack holds, for readers: its `packDescription_<name>` message, else its own description. */
export function packDescription(pack: PackInfo): string {
  return tOptional(`packDescription_${packKey(pack.name)}`) || pack.description;
}

function formatCount(n: number): string {
  try {
    return n.toLocaleString(uiLanguage());
  } catch {
    return String(n);
  }
}

/** What the packs section needs from the options page. */
export interface PacksDeps {
  /** The options page's document. */
  doc: Document;
  /** The bundled packs (from the background). */
  loadPacks(): Promise<PackInfo[]>;
  /** The settings as the page holds them now. */
  settings(): Settings;
  /** Saves a change (and renders the page again). */
  save(change: Partial<Settings>): Promise<void>;
}

/** The packs section once started: `render` shows settings; `ready` settles when the list is shown (or failed). */
export interface PacksSection {
  render(settings: Settings): void;
  ready: Promise<void>;
}

/** One row of the list: a switch labelled with the pack's name and size, described by its description. */
function packRow(doc: Document, pack: PackInfo, onToggle: () => void): HTMLLIElement {
  const li = el(doc, 'li', 'pack');
  const label = el(doc, 'label', 'pack-switch');
  const box = el(doc, 'input');
  box.type = 'checkbox';
  box.name = 'packs';
  box.value = pack.name;
  box.setAttribute('role', 'switch');
  const descId = `pack-desc-${packKey(pack.name)}`;
  box.setAttribute('aria-describedby', descId);
  box.addEventListener('change', onToggle);
  label.append(
    box,
    el(doc, 'span', 'pack-name', packLabel(pack.name)),
    el(doc, 'span', 'pack-size', t('packEntries', formatCount(pack.entries))),
  );
  const desc = el(doc, 'p', 'pack-desc note', packDescription(pack));
  desc.id = descId;
  li.append(label, desc);
  return li;
}

/** Starts the packs section of the options page. */
export function startPacks(deps: PacksDeps): PacksSection {
  const { doc } = deps;
  const list = need<HTMLUListElement>(doc, 'packs-list');
  const summary = need<HTMLElement>(doc, 'packs-summary');
  const allOff = need<HTMLElement>(doc, 'packs-all-off');
  const error = need<HTMLElement>(doc, 'packs-error');
  let packs: PackInfo[] | undefined;
  summary.textContent = t('packsLoading');
  allOff.hidden = true;

  const boxes = (): HTMLInputElement[] => [...list.querySelectorAll<HTMLInputElement>('input[name=packs]')];
  // What is off is read from the switches, so two quick clicks both count even while one saves.
  const toggle = (): void => {
    const names = packs?.map((p) => p.name) ?? [];
    const off = boxes()
      .filter((b) => !b.checked)
      .map((b) => b.value);
    void deps.save({ packsOff: sanitizePacksOff(off, names) });
  };

  const render = (settings: Settings): void => {
    if (!packs) return;
    const off = new Set(settings.packsOff);
    for (const box of boxes()) box.checked = !off.has(box.value);
    const on = packs.filter((p) => !off.has(p.name));
    const entries = on.reduce((n, p) => n + p.entries, 0);
    summary.textContent = t('packsSummary', [on.length, packs.length, formatCount(entries)]);
    allOff.hidden = on.length > 0 || packs.length === 0;
  };

  const ready = deps.loadPacks().then(
    (loaded) => {
      packs = Array.isArray(loaded) ? loaded : [];
      list.replaceChildren(...packs.map((p) => packRow(doc, p, toggle)));
      error.textContent = '';
      render(deps.settings());
    },
    (err: unknown) => {
      summary.textContent = '';
      error.textContent = t('packsLoadError', err instanceof Error ? err.message : String(err));
    },
  );
  return { render, ready };
}
