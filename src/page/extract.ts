/**
 * Text extraction with offsets back to DOM text nodes. Where the page has an article, its body
 * is read (link text included) and, only when asked, the rest of the page after it; a page with
 * no article (a front page) is read whole. Skipped regions (scripts, form fields, editable
 * regions, code, hidden parts, and by default headlines, bylines, credits, comments, link text
 * outside the article and navigation) contribute nothing. Blocks, and every skipped element, are
 * separated by U+2029, so no term or definition is read across two paragraphs or across a gap.
 */

/** A paragraph separator: ends any multi-word match, maps to no node. */
export const BLOCK_BREAK = '\u2029';

/** Which parts of a page to read. */
export interface ExtractOptions {
  /** Also read headlines, bylines, link text and navigation. */
  includeChrome?: boolean;
  /** Where the page has an article, also read the rest of the page (after the article). */
  wholePage?: boolean;
  /** The article's root as already found (null: the page has none); found anew when omitted. */
  article?: Element | null;
  /** Elements (and their subtrees) to leave out, e.g. the extension's own UI. */
  exclude?: (el: Element) => boolean;
  /** Told of each open shadow root read, so it can be watched for changes. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** The page's text and where each piece of it lives. */
export interface TextMap {
  /** The extracted text. */
  text: string;
  /** Text nodes, in text order. */
  nodes: Text[];
  /** Offset in `text` where each node's data begins. */
  starts: number[];
  /** Offset where the article body's text ends (0 when no article was found). */
  articleEnd: number;
}

const ALWAYS_SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'SVG',
  'MATH',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'KBD',
  'SAMP',
  'HEAD',
  'TITLE',
  'BUTTON',
  'LABEL',
]);
const CHROME_SKIP = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'A', 'NAV', 'HEADER', 'FOOTER', 'ADDRESS', 'FORM', 'MENU']);
const CHROME_CLASS =
  /(^|[\s_-])(byline|author|dateline|breadcrumbs?|nav|navigation|menu|masthead|share|social|footer|credits?|comments?|disqus|newsletter|promo|related|advert|sponsored|subscribe|paywall|toolbar)([\s_-]|$)/i;
const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TD',
  'TH',
  'TR',
  'TABLE',
  'BLOCKQUOTE',
  'SECTION',
  'ARTICLE',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'NAV',
  'MAIN',
  'FIGURE',
  'FIGCAPTION',
  'BR',
  'HR',
  'CAPTION',
  'FORM',
  'FIELDSET',
  'LEGEND',
  'DETAILS',
  'SUMMARY',
  'ADDRESS',
  'BODY',
]);

/** Whether an element's subtree is never read; `inArticle`: it lies in the article, whose links are read. */
function isSkipped(el: Element, options: ExtractOptions = {}, inArticle = false): boolean {
  const tag = el.tagName.toUpperCase();
  if (ALWAYS_SKIP.has(tag)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  if (options.exclude?.(el)) return true;
  if (!options.includeChrome) {
    if (CHROME_SKIP.has(tag) && !(inArticle && tag === 'A')) return true;
    const role = el.getAttribute('role');
    if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'search' || role === 'menu') return true;
    if (el.getAttribute('rel') === 'author' || el.getAttribute('itemprop') === 'author') return true;
    const cls = el.getAttribute('class');
    if (cls && CHROME_CLASS.test(cls) && !holdsProse(el)) return true;
  }
  return false;
}

/** Whether an element holds paragraphs of prose (then a class such as "js-social-anchor" does not make it chrome). */
function holdsProse(el: Element): boolean {
  let long = 0;
  for (const p of el.querySelectorAll('p')) if ((p.textContent?.length ?? 0) >= 80 && ++long >= 2) return true;
  return false;
}

/** Whether a node lies inside a skipped element (checked upward to `root`). */
function insideSkipped(node: Node, root: Node, options: ExtractOptions = {}, inArticle = false): boolean {
  for (let n: Node | null = node.parentNode; n && n !== root; n = n.parentNode) {
    if (n.nodeType === 1 && isSkipped(n as Element, options, inArticle)) return true;
  }
  return false;
}

/** Tags whose paragraphs are never the article's (menus, asides, footers, forms). */
const NOT_ARTICLE = 'nav, aside, footer, header, form, menu, [role="navigation"], [role="complementary"], [role="contentinfo"]';

/** Characters of link text in a paragraph, to tell prose from lists of links. */
function linkText(p: Element): number {
  let n = 0;
  for (const a of p.querySelectorAll('a')) n += a.textContent?.length ?? 0;
  return n;
}

/**
 * The element holding the article body, or undefined for a page without one (a front page).
 * Readability's approach, small: every paragraph of prose (not a list of links, not in a menu,
 * aside or footer) scores its length for its parent and half for its grandparent; the best block
 * wins if it holds enough prose, widened to the `<article>` around it. `itemprop="articleBody"`
 * is taken as the page says.
 */
export function findArticleRoot(doc: Document): Element | undefined {
  const byProp = doc.querySelector('[itemprop="articleBody"]');
  if (byProp && (byProp.textContent?.trim().length ?? 0) >= 200) return byProp;
  const scores = new Map<Element, number>();
  const add = (el: Element | null, score: number): void => {
    if (el && el !== doc.body && el !== doc.documentElement) scores.set(el, (scores.get(el) ?? 0) + score);
  };
  for (const p of doc.querySelectorAll('p')) {
    const len = p.textContent?.trim().length ?? 0;
    if (len < 25 || p.closest(NOT_ARTICLE) || linkText(p) > len / 2) continue;
    add(p.parentElement, len);
    add(p.parentElement?.parentElement ?? null, len / 2);
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, score] of scores)
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  if (!best || bestScore < 400) return undefined;
  return best.closest('article') ?? best;
}

/**
 * Walks the text nodes under `root` in document order, yielding after each one so a caller can
 * slice the work. Open shadow roots are read as part of their host.
 */
function* walkText(
  root: Node,
  options: ExtractOptions,
  out: TextMap,
  skipSubtree?: Node,
  inArticle = false,
): Generator<void, void, void> {
  const stack: Node[] = [root];
  let needBreak = out.text.length > 0;
  const parts: string[] = [];
  let len = out.text.length;
  const flush = (): void => {
    if (parts.length) {
      out.text += parts.join('');
      parts.length = 0;
    }
  };
  // A walk stopped early (extractHeadSteps) still leaves the text it read in `out`.
  try {
    while (stack.length) {
      const node = stack.pop() as Node;
      if (node === skipSubtree) continue;
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data.length === 0) continue;
        if (needBreak && len > 0) {
          parts.push(BLOCK_BREAK);
          len++;
        }
        needBreak = false;
        out.nodes.push(node as Text);
        out.starts.push(len);
        parts.push(data);
        len += data.length;
        if (parts.length > 256) flush();
        yield;
        continue;
      }
      if (node.nodeType === 1) {
        const el = node as Element;
        if (node !== root && isSkipped(el, options, inArticle)) {
          // Never join the text on either side of something left out ("police , known as DNP").
          needBreak = true;
          continue;
        }
        if (BLOCK.has(el.tagName.toUpperCase())) needBreak = true;
        if (el.shadowRoot) options.onShadowRoot?.(el.shadowRoot);
        const kids = el.shadowRoot ? [...el.shadowRoot.childNodes, ...el.childNodes] : el.childNodes;
        // A marker that restores the block break after the element's children.
        if (BLOCK.has(el.tagName.toUpperCase())) stack.push(BREAK_MARKER);
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
        continue;
      }
      if (node === BREAK_MARKER) {
        needBreak = true;
        continue;
      }
      if (node.nodeType === 11 || node.nodeType === 9) {
        const kids = node.childNodes;
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
      }
    }
  } finally {
    flush();
  }
}

/** A stand-in node on the walk stack: "a block ended here". */
const BREAK_MARKER = { nodeType: -1 } as unknown as Node;

/** Reads the page as `extractSteps` does, to completion. */
export function extractText(doc: Document, options: ExtractOptions = {}): TextMap {
  const out: TextMap = { text: '', nodes: [], starts: [], articleEnd: 0 };
  for (const _ of extractSteps(doc, options, out));
  return out;
}

/**
 * The first `chars` characters (or a little more: whole text nodes) of what `extractSteps` reads:
 * the article's opening, what a page that opens at its top shows first. Needs no layout.
 */
export function* extractHeadSteps(
  doc: Document,
  options: ExtractOptions,
  out: TextMap,
  chars: number,
): Generator<void, void, void> {
  for (const _ of extractSteps(doc, options, out)) {
    const n = out.nodes.length;
    if (n > 0 && (out.starts[n - 1] as number) + (out.nodes[n - 1] as Text).data.length >= chars) return;
    yield;
  }
}

/**
 * The page's text as steps a scheduler can slice: the article body (links read), then the rest
 * of `doc.body` only when `wholePage` is set; the whole body when the page has no article.
 */
export function* extractSteps(doc: Document, options: ExtractOptions, out: TextMap): Generator<void, void, void> {
  const body = doc.body ?? doc.documentElement;
  if (!body) return;
  const article = options.article === undefined ? findArticleRoot(doc) : options.article;
  if (article && body.contains(article) && !insideSkipped(article, body, { exclude: options.exclude })) {
    yield* walkText(article, options, out, undefined, true);
    out.articleEnd = out.text.length;
    if (options.wholePage) yield* walkText(body, options, out, article);
  } else {
    yield* walkText(body, options, out);
  }
}

/**
 * Reads new or changed subtrees (each skipped if it lies in a skipped region), as sliceable
 * steps. Where the page has an article (`options.article`) and not `wholePage`, only subtrees in
 * the article are read; its links are read.
 */
export function* extractRootsSteps(roots: readonly Node[], options: ExtractOptions, out: TextMap): Generator<void, void, void> {
  const article = options.article ?? undefined;
  for (const root of roots) {
    const doc = root.ownerDocument;
    const top = doc?.body ?? doc?.documentElement;
    if (!top || !top.contains(root)) {
      // In an open shadow root: check upward inside it only.
      if (root.getRootNode() === doc) continue;
    }
    const inArticle = article !== undefined && article.contains(root);
    if (article && !inArticle && !options.wholePage && !root.contains(article)) continue;
    if (root.nodeType === 1 && isSkipped(root as Element, options, inArticle)) continue;
    if (insideSkipped(root, inArticle ? article : root.getRootNode(), options, inArticle)) continue;
    yield* walkText(root, options, out, undefined, inArticle);
  }
}

/** The text node and offset within it for a text offset (binary search). */
export function locate(map: TextMap, offset: number): { node: Text; offset: number; index: number } | undefined {
  const { starts, nodes } = map;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  const index = hi;
  if (index < 0) return undefined;
  const node = nodes[index] as Text;
  const within = offset - (starts[index] as number);
  if (within > node.data.length) return undefined;
  return { node, offset: within, index };
}
