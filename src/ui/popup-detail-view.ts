/**
 * The popup's detail view: one entry's card in place of the results and "On this page", with
 * "Back to results" (or Escape) to return. The card's related terms open their own cards in the
 * same place.
 */
import type { Entry } from '../core/glossary-types';
import { renderEntryCard } from './entry-card';
import { need as needIn } from './dom';
import type { PopupDeps } from './popup-deps';

const need = <T extends HTMLElement>(doc: Document, id: string): T => needIn<T>(doc, id, 'popup.html');

/** Shows an entry's card in `card`; its related terms open their own cards in the same place. */
export async function showCard(
  doc: Document,
  card: HTMLElement,
  entry: Entry,
  deps: Pick<PopupDeps, 'getEntries'>,
): Promise<void> {
  const related = entry.related?.length ? await deps.getEntries(entry.related).catch(() => []) : [];
  card.replaceChildren(
    renderEntryCard(doc, entry, {
      related: related.map((r) => ({ id: r.id, term: r.term })),
      onRelated: (id) => {
        const next = related.find((r) => r.id === id);
        if (next) void showCard(doc, card, next, deps);
      },
    }),
  );
}

/** The detail view (#detail with its #card and #back button). */
export class DetailView {
  private readonly section: HTMLElement;
  private readonly card: HTMLElement;
  private readonly back: HTMLButtonElement;

  /**
   * @param covers what the card replaces while it is open (the results, "On this page")
   * @param onClose shows again what the popup showed before (called after the card is closed)
   */
  constructor(
    private readonly deps: Pick<PopupDeps, 'doc' | 'getEntries'>,
    private readonly covers: readonly HTMLElement[],
    private readonly onClose: () => void,
  ) {
    const { doc } = deps;
    this.section = need<HTMLElement>(doc, 'detail');
    this.card = need<HTMLElement>(doc, 'card');
    this.back = need<HTMLButtonElement>(doc, 'back');
    this.back.addEventListener('click', () => this.close());
    doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.isOpen) {
        e.preventDefault();
        this.close();
      }
    });
  }

  /** Whether a card is shown. */
  get isOpen(): boolean {
    return !this.section.hidden;
  }

  /** Shows `entry`'s card and moves the focus to "Back to results". */
  async open(entry: Entry): Promise<void> {
    await showCard(this.deps.doc, this.card, entry, this.deps);
    this.section.hidden = false;
    for (const c of this.covers) c.hidden = true;
    this.back.focus();
  }

  /** Hides the card without showing anything else (the search view decides what shows). */
  hide(): void {
    this.section.hidden = true;
  }

  /** Closes the card and goes back. */
  close(): void {
    this.section.hidden = true;
    this.card.replaceChildren();
    this.onClose();
  }
}
