/**
 * Parts of the options page's "On pages" section that build or read more than one control: the
 * keyboard shortcuts, the kinds of entry shown and the sites where the glossary is off. Each
 * `start…` wires its controls and returns the function that shows a version of the settings.
 *
 * The DOM is built with createElement and textContent only.
 */
import { ENTRY_KINDS, type EntryKind } from '../core/glossary-types';
import { t, type MessageKey } from '../extension/i18n';
import { siteHostname } from '../core/urls';
import { SHORTCUT_CODE, withSite, type Settings } from '../extension/settings';
import { el, need as needIn } from './dom';

/** Saves a change to the settings (and shows the page again). */
export type SaveSettings = (change: Partial<Settings>) => Promise<void>;

/** Shows a version of the settings in a part of the page. */
export type RenderSettings = (settings: Settings) => void;

const need = <T extends HTMLElement>(doc: Document, id: string): T => needIn<T>(doc, id, 'options.html');

/** How a shortcut key is shown: "Alt+Shift+N". */
export function shortcutLabel(code: string): string {
  const names: Record<string, string> = {
    Comma: ',',
    Period: '.',
    Slash: '/',
    Semicolon: ';',
    Quote: "'",
    BracketLeft: '[',
    BracketRight: ']',
    Backslash: '\\',
    Backquote: '`',
    Minus: '-',
    Equal: '=',
  };
  const key = names[code] ?? code.replace(/^Key|^Digit/, '');
  return `Alt+Shift+${key}`;
}

/** Shortcuts: focus a box and press a key. */
export function startShortcuts(doc: Document, current: () => Settings, save: SaveSettings): RenderSettings {
  const shortcutError = need<HTMLElement>(doc, 'shortcut-error');
  for (const which of ['next', 'previous'] as const) {
    const box = need<HTMLInputElement>(doc, `shortcut-${which}`);
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Tab' || e.key === 'Shift' || e.key === 'Alt' || e.key === 'Control' || e.key === 'Meta') return;
      e.preventDefault();
      if (!SHORTCUT_CODE.test(e.code)) {
        shortcutError.textContent = t('shortcutInvalid');
        return;
      }
      const { shortcuts } = current();
      const other = which === 'next' ? shortcuts.previous : shortcuts.next;
      if (e.code === other) {
        shortcutError.textContent = t('shortcutSame');
        return;
      }
      shortcutError.textContent = '';
      void save({ shortcuts: { ...shortcuts, [which]: e.code } });
    });
  }
  return (settings) => {
    need<HTMLInputElement>(doc, 'shortcut-next').value = shortcutLabel(settings.shortcuts.next);
    need<HTMLInputElement>(doc, 'shortcut-previous').value = shortcutLabel(settings.shortcuts.previous);
  };
}

/** Kinds of entry shown: one checkbox per kind. */
export function startKinds(doc: Document, current: () => Settings, save: SaveSettings): RenderSettings {
  const kinds = need<HTMLElement>(doc, 'kinds-list');
  kinds.replaceChildren(
    ...ENTRY_KINDS.map((kind) => {
      const label = el(doc, 'label', 'check');
      const box = el(doc, 'input');
      box.type = 'checkbox';
      box.value = kind;
      box.name = 'kinds';
      box.addEventListener('change', () => {
        const chosen = new Set(current().kindsShown);
        if (box.checked) chosen.add(kind);
        else chosen.delete(kind);
        void save({ kindsShown: ENTRY_KINDS.filter((k) => chosen.has(k)) });
      });
      label.append(box, el(doc, 'span', undefined, t(`kind_${kind}` as MessageKey)));
      return label;
    }),
  );
  return (settings) => {
    for (const box of kinds.querySelectorAll<HTMLInputElement>('input[name=kinds]'))
      box.checked = settings.kindsShown.includes(box.value as EntryKind);
  };
}

/** Sites where it is off: the list, each with a button that turns it on again, and a form to add one. */
export function startSites(doc: Document, current: () => Settings, save: SaveSettings): RenderSettings {
  const sitesList = need<HTMLUListElement>(doc, 'sites-list');
  const sitesNone = need<HTMLElement>(doc, 'sites-none');
  const siteForm = need<HTMLFormElement>(doc, 'site-form');
  const siteInput = need<HTMLInputElement>(doc, 'site-input');
  const siteError = need<HTMLElement>(doc, 'site-error');
  siteForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const host = siteHostname(siteInput.value);
    if (!host) {
      siteError.textContent = t('sitesInvalid', siteInput.value.trim());
      return;
    }
    siteError.textContent = '';
    siteInput.value = '';
    void save({ disabledSites: withSite(current(), host, false).disabledSites });
  });
  return (settings) => {
    sitesNone.hidden = settings.disabledSites.length > 0;
    sitesList.replaceChildren(
      ...settings.disabledSites.map((site) => {
        const li = el(doc, 'li');
        const remove = el(doc, 'button', 'small', t('sitesRemove'));
        remove.type = 'button';
        remove.setAttribute('aria-label', t('sitesRemoveLabel', site));
        remove.addEventListener('click', () => void save({ disabledSites: current().disabledSites.filter((s) => s !== site) }));
        li.append(el(doc, 'span', 'site-name', site), remove);
        return li;
      }),
    );
  };
}
