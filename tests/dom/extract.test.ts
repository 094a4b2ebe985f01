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
  it('reads only the article where there is one; the rest of the page after it when asked', () => {
    const d = doc(
      '<body><div>Sidebar text about NATO here.</div><article><p>' + 'Article body. '.repeat(40) + '</p></article></body>',
    );
    const map = extractText(d);
    expect(map.text.startsWith('Article body.')).toBe(true);
    expect(map.articleEnd).toBe(map.text.length);
    expect(map.text).not.toContain('Sidebar');
    const whole = extractText(d, { wholePage: true });
    expect(whole.text.slice(whole.articleEnd)).toContain('Sidebar text about NATO here.');
  });

  it('reads link text inside the article, not in the rest of the page', () => {
    const body = `<p>${'Prose about the alliance and its partners. '.repeat(12)}</p>`;
    const d = doc(
      `<body><nav><a href="/x">Menu NATO</a></nav><article>${body}<p>Leaders of <a href="/nato">NATO</a> met.</p></article><p><a href="/y">Footer IP4</a></p></body>`,
    );
    const text = extractText(d, { wholePage: true }).text;
    expect(text).toContain('Leaders of NATO met.');
    expect(text).not.toContain('Menu NATO');
    expect(text).not.toContain('Footer IP4');
  });

  it('never joins text across an element it leaves out', () => {
    const text = extractText(doc('<body><p>the police <button>Share</button>, known as DNP, said</p></body>')).text;
    expect(text).toBe(`the police ${BLOCK_BREAK}, known as DNP, said`);
  });

  it('finds the article of a page without <article> by its prose, past a container whose class looks like chrome', () => {
    const prose = (n: number): string => `<p>${`Paragraph ${n} of the story, with enough words to be prose. `.repeat(4)}</p>`;
    const d = doc(
      `<body><div class="menu"><ul><li><a href="/a">Markets</a></li></ul><p><a href="/b">A teaser link that is long enough to count as text</a></p></div>
       <main class="container js-social-anchor-start"><div id="storycontent">${prose(1)}${prose(2)}${prose(3)}</div></main>
       <div class="comments"><p>${'A reader comment that goes on and on. '.repeat(5)}</p></div></body>`,
    );
    expect(findArticleRoot(d)?.id).toBe('storycontent');
    const text = extractText(d).text;
    expect(text).toContain('Paragraph 3 of the story');
    expect(text).not.toContain('reader comment');
    expect(text).not.toContain('Markets');
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
