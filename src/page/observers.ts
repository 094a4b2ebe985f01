/**
 * Watching a page change: a debounced MutationObserver that collects only the added or changed
 * subtrees (never the extension's own nodes), with a budget of characters per second so an
 * infinite-scroll page cannot make the glossary work without end.
 */

/** What the watcher hands over after a quiet moment. */
export interface ChangeBatch {
  /** Roots of new or changed content (no root inside another). */
  roots: Node[];
  /** Text nodes whose text changed in place. */
  changedText: Text[];
}

/** Tuning of the watcher. */
export interface WatchOptions {
  /** Quiet time before a batch is handed over (ms). */
  debounceMs?: number;
  /** Most characters of new content handed over per second; the rest waits. */
  charsPerSecond?: number;
  /** Nodes the watcher must ignore (the extension's own UI). */
  ignore?: (node: Node) => boolean;
}

/** Watches `root` (a document or shadow root) and calls `onBatch` with what changed. */
export class ChangeWatcher {
  private readonly observer: MutationObserver;
  private readonly pending = new Set<Node>();
  private readonly changed = new Set<Text>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private windowStart = 0;
  private spent = 0;
  private readonly debounceMs: number;
  private readonly charsPerSecond: number;

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly onBatch: (batch: ChangeBatch) => void,
    private readonly options: WatchOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 250;
    this.charsPerSecond = options.charsPerSecond ?? 200_000;
    this.observer = new win.MutationObserver((records) => this.collect(records));
  }

  /** Starts watching a document or shadow root. */
  observe(target: Node): void {
    this.observer.observe(target, { childList: true, subtree: true, characterData: true });
  }

  private collect(records: MutationRecord[]): void {
    const ignore = this.options.ignore;
    for (const r of records) {
      if (r.type === 'characterData') {
        const t = r.target as Text;
        if (!ignore?.(t)) this.changed.add(t);
        continue;
      }
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1 && n.nodeType !== 3) continue;
        if (ignore?.(n)) continue;
        this.pending.add(n);
      }
    }
    if (this.pending.size || this.changed.size) this.schedule(this.debounceMs);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
  }

  private flush(): void {
    const now = this.win.performance.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.spent = 0;
    }
    // Outermost connected roots only.
    const all = [...this.pending].filter((n) => n.isConnected);
    const roots = all.filter((n) => !all.some((o) => o !== n && o.contains(n)));
    const batch: Node[] = [];
    const later: Node[] = [];
    for (const n of roots) {
      const size = n.textContent?.length ?? 0;
      if (this.spent + size <= this.charsPerSecond || (batch.length === 0 && this.spent === 0)) {
        batch.push(n);
        this.spent += size;
      } else later.push(n);
    }
    const changedText = [...this.changed].filter((t) => t.isConnected && !roots.some((r) => r.contains(t)));
    this.pending.clear();
    this.changed.clear();
    for (const n of later) this.pending.add(n);
    if (later.length) this.schedule(Math.max(this.debounceMs, 1000 - (now - this.windowStart)));
    if (batch.length || changedText.length) this.onBatch({ roots: batch, changedText });
  }

  /** Stops watching and drops what was pending. */
  disconnect(): void {
    clearTimeout(this.timer);
    this.observer.disconnect();
    this.pending.clear();
    this.changed.clear();
  }
}
