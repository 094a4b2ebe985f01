/**
 * The tooltip host: one tippy.js instance inside a closed shadow root on <html>, so the page's CSS
 * cannot reach it, its styles cannot leak, page scripts cannot read it, and neither
 * `overflow: hidden` nor a transformed ancestor can clip it. Created lazily on first use: the
 * tooltip library (tippy.js, Popper) and its CSS are not in the content script but loaded by
 * `load` (tooltip-code.ts) when the pointer first rests on a term (during the show delay) or the
 * first tooltip is shown, so a page whose terms are never hovered never loads them (issue #15).
 */
import type { Instance } from 'tippy.js';
import type { TooltipCode, TooltipCodeLoader } from './tooltip-code';

/** Tag name of the host element (the only node the extension adds to a page). */
export const HOST_TAG = 'news-glossary-ui';

const HOST_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important;
  height: 0 !important; z-index: 2147483647 !important; display: block !important; pointer-events: none; contain: none; }
.ng-layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; pointer-events: none; }
.ng-ref { position: fixed; width: 0; height: 0; }
.tippy-box[data-theme~='glossary'] { background: var(--ng-bg, #fff); color: var(--ng-fg, #1d1f23); border: 1px solid #d6dae3;
  border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); pointer-events: auto; }
.tippy-box[data-theme~='glossary'] > .tippy-content { padding: 10px 12px; }
.tippy-box[data-theme~='glossary'] > .tippy-arrow { color: #fff; }
@media (prefers-color-scheme: dark) {
  .tippy-box[data-theme~='glossary'] { background: #1f2329; color: #eef1f6; border-color: #3a404a; }
  .tippy-box[data-theme~='glossary'] > .tippy-arrow { color: #1f2329; }
}
@media (prefers-reduced-motion: reduce) { .tippy-box { transition: none !important; } }
.ng-live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

interface Pending {
  content: HTMLElement;
  rectOf: () => DOMRect;
  announce: string | undefined;
}

/** The lazily created tooltip. */
export class TooltipHost {
  private host: HTMLElement | undefined;
  private instance: Instance | undefined;
  /** What to show once the tooltip code has loaded (the latest request wins; hide() drops it). */
  private pending: Pending | undefined;
  private destroyed = false;
  private live: HTMLElement | undefined;
  private rectOf: () => DOMRect = () => new DOMRect();
  /** Called when the pointer enters or leaves the tooltip. */
  onPointerInside: (inside: boolean) => void = () => {};

  /** The library, loading or loaded (a failed load is forgotten, so the next show tries again). */
  private code: Promise<TooltipCode> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private readonly load: TooltipCodeLoader,
  ) {}

  /** Loads the tooltip library now, so the first show need not wait for it. */
  preload(): Promise<TooltipCode> {
    this.code ??= this.load().catch((err: unknown) => {
      this.code = undefined;
      throw err;
    });
    return this.code;
  }

  private create({ tippy, css }: TooltipCode): Instance {
    if (this.instance) return this.instance;
    const doc = this.doc;
    const host = doc.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = `${css}\n${HOST_CSS}`;
    const layer = doc.createElement('div');
    layer.className = 'ng-layer';
    const ref = doc.createElement('div');
    ref.className = 'ng-ref';
    const live = doc.createElement('div');
    live.className = 'ng-live';
    live.setAttribute('aria-live', 'polite');
    shadow.append(style, layer, ref, live);
    doc.documentElement.append(host);
    const reduced = this.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.instance = tippy(ref, {
      appendTo: layer,
      getReferenceClientRect: () => this.rectOf(),
      interactive: true,
      trigger: 'manual',
      hideOnClick: false,
      placement: 'bottom-start',
      maxWidth: 360,
      theme: 'glossary',
      animation: reduced ? false : 'fade',
      duration: reduced ? 0 : [120, 80],
      arrow: true,
      role: 'tooltip',
      aria: { content: null, expanded: false },
      popperOptions: { strategy: 'fixed' },
      onCreate: (inst) => {
        inst.popper.addEventListener('pointerenter', () => this.onPointerInside(true));
        inst.popper.addEventListener('pointerleave', () => this.onPointerInside(false));
      },
    });
    this.host = host;
    this.live = live;
    return this.instance;
  }

  /**
   * Shows `content` next to the box `rectOf` returns (re-read as the page scrolls). The first call
   * loads the tooltip code and shows it when loaded, unless hide() or another show() came first.
   */
  show(content: HTMLElement, rectOf: () => DOMRect, announce?: string): void {
    if (this.instance) {
      this.showNow(this.instance, content, rectOf, announce);
      return;
    }
    this.pending = { content, rectOf, announce };
    this.preload().then(
      (loaded) => {
        const p = this.pending;
        this.pending = undefined;
        if (p && !this.destroyed) this.showNow(this.create(loaded), p.content, p.rectOf, p.announce);
      },
      (err: unknown) => console.warn('[News Glossary] tooltip:', err),
    );
  }

  private showNow(inst: Instance, content: HTMLElement, rectOf: () => DOMRect, announce: string | undefined): void {
    // The host may have been removed by a page that rewrites its <html> children.
    if (this.host && !this.host.isConnected) this.doc.documentElement.append(this.host);
    this.rectOf = rectOf;
    inst.setContent(content);
    if (inst.state.isVisible) inst.popperInstance?.update();
    else inst.show();
    if (announce && this.live) this.live.textContent = announce;
  }

  /** Hides the tooltip. */
  hide(): void {
    this.pending = undefined;
    this.instance?.hide();
  }

  /** Whether the tooltip is showing. */
  get isShown(): boolean {
    return this.instance?.state.isVisible ?? false;
  }

  /** Whether an event target is the extension's own UI. */
  owns(node: unknown): boolean {
    return Boolean(this.host) && node === this.host;
  }

  /** Removes everything the tooltip added to the page. */
  destroy(): void {
    this.destroyed = true;
    this.pending = undefined;
    this.instance?.destroy();
    this.host?.remove();
    this.instance = undefined;
    this.host = undefined;
  }
}
