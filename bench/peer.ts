/**
 * The competent in-page peer of `npm run bench:page` (issue #15): what an author who knows the
 * platform would write in about 40 lines. One combined regex of every glossary form (longest
 * first, whole words, as written), one TreeWalker pass over the text nodes of document.body,
 * one Range per match, all drawn with the CSS Custom Highlight API. It runs once, after `load`,
 * in one task, and ships its glossary as the JSON list of forms inside its own script.
 */

/** The peer's script source, with `forms` baked in. */
export function peerScript(forms: readonly string[]): string {
  const sorted = [...new Set(forms)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return `(() => {
  const FORMS = ${JSON.stringify(sorted)};
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'CODE', 'PRE', 'SVG', 'MATH', 'TEMPLATE']);
  const esc = (s) => s.replace(/[\\\\^$.*+?()[\\]{}|/]/g, '\\\\$&');
  function run() {
    const re = new RegExp('(?<![\\\\p{L}\\\\p{N}\\\\p{M}])(?:' + FORMS.map(esc).join('|') + ')(?![\\\\p{L}\\\\p{N}\\\\p{M}])', 'gu');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        for (let el = node.parentElement; el && el !== document.body; el = el.parentElement)
          if (SKIP.has(el.nodeName.toUpperCase())) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    const highlight = new Highlight();
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = node.data;
      if (data.length < 2) continue;
      re.lastIndex = 0;
      for (let m = re.exec(data); m; m = re.exec(data)) {
        const range = new Range();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        highlight.add(range);
        count++;
      }
    }
    CSS.highlights.set('peer-glossary', highlight);
    window.__marked = count;
  }
  if (document.readyState === 'complete') setTimeout(run, 0);
  else window.addEventListener('load', () => setTimeout(run, 0));
})();
`;
}

/**
 * An evenly spread sample of `n` forms (every k-th of the sorted list): mark.js walks the DOM
 * once per form and overflows its stack on a long list, so it is given only this many.
 */
export function sampleForms(forms: readonly string[], n: number): string[] {
  const sorted = [...new Set(forms)].sort();
  if (sorted.length <= n) return sorted;
  const step = sorted.length / n;
  return Array.from({ length: n }, (_, i) => sorted[Math.floor(i * step)]!);
}
