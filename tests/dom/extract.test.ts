// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK, extractText, findArticleRoot, locate } from '../../src/page/extract';
import { findArticleDate } from '../../src/page/article-date';

function doc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('text extraction', () => {
  it('reads the article first, then the rest of the page', () => {
    const d = doc(
      '<body><div>Sidebar text about NATO here.</div><article><p>' + 'Article body. '.repeat(20) + '</p></article></body>',
    );
    const map = extractText(d);
    expect(map.text.startsWith('Article body.')).toBe(true);
    expect(map.articleEnd).toBeGreaterThan(0);
    expect(map.text.slice(map.articleEnd)).toContain('Sidebar text about NATO here.');
  });

  it('never reads scripts, form fields, editable regions, code, hidden parts', () => {
    const d = doc(`<body><p>keep</p><script>var NATO</script><style>.NATO{}</style><noscript>NATO</noscript>
      <textarea>NATO</textarea><input value="NATO"><select><option>NATO</option></select>
      <div contenteditable="true">NATO</div><code>NATO</code><pre>NATO</pre><svg><text>NATO</text></svg>
      <math><mi>NATO</mi></math><div aria-hidden="true">NATO</div><div hidden>NATO</div></body>`);
    expect(extractText(d).text).not.toContain('NATO');
  });

  it('leaves headlines, bylines, links and navigation out unless asked', () => {
    const html =
      '<body><h1>Headline NATO</h1><p class="byline">By NATO</p><nav>NATO</nav><p>Body <a href="#">link NATO</a> end</p></body>';
    expect(extractText(doc(html)).text).not.toContain('NATO');
    expect(extractText(doc(html), { includeChrome: true }).text.match(/NATO/g)).toHaveLength(4);
  });

  it('separates blocks so no term spans two paragraphs, but joins inline elements', () => {
    const map = extractText(doc('<body><p>South</p><p>Korea <b>Self</b>-Defense</p></body>'));
    expect(map.text).toBe(`South${BLOCK_BREAK}Korea Self-Defense`);
  });

  it('maps every offset back to its text node', () => {
    const d = doc('<body><p>Fumio <em>Kishida</em> met <span>Olaf Scholz</span>.</p></body>');
    const map = extractText(d);
    const at = map.text.indexOf('Scholz');
    const loc = locate(map, at);
    expect(loc?.node.data).toBe('Olaf Scholz');
    expect(loc?.node.data.slice(loc.offset)).toBe('Scholz');
  });

  it('reads open shadow roots', () => {
    const d = doc('<body><div id="host"></div></body>');
    const host = d.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    const p = d.createElement('p');
    p.textContent = 'Inside the shadow: IP4';
    shadow.append(p);
    expect(extractText(d).text).toContain('Inside the shadow: IP4');
  });

  it('finds the Kyodo article body and its date', () => {
    const d = doc(readFileSync(join(process.cwd(), 'tests/fixtures/kyodo-article.html'), 'utf8'));
    expect(findArticleRoot(d)?.tagName).toBe('ARTICLE');
    expect(findArticleDate(d)).toBe('2024-07-10');
    const text = extractText(d).text;
    expect(text).toContain('the acquisition and cross-servicing agreement, or ACSA');
    expect(text).not.toContain('Kishida leaves for NATO summit'); // the headline
  });

  it('reads a page without an article as one text, without error', () => {
    const map = extractText(doc('<body><div>Just a note.</div></body>'));
    expect(map.articleEnd).toBe(0);
    expect(map.text).toBe('Just a note.');
  });
});
