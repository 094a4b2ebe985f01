/**
 * Every UI string goes through the messages (public/_locales/{en,ja}/messages.json):
 * (a) English and Japanese define the same keys;
 * (b) every key the code names — `t('key')`, `tOptional('key')`, an argument or value typed
 *     `MessageKey`, `data-i18n*="key"` in the pages, `__MSG_key__` in the manifest — exists in
 *     English, and every English key is named somewhere (a template such as `kind_${kind}` names
 *     every key that starts with `kind_`);
 * (c) no UI source sets text a reader sees — textContent, title, placeholder, aria-label, an
 *     element's text through `el(…)`, a text node, `append('…')` — to a string literal with
 *     letters, and the pages' HTML has no text or such attributes of its own (script fills them).
 *
 * The sources are read with the TypeScript parser, so comments, class names and ids never count.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/ensure-build';

/** The UI source files of check (c): everything that builds text for a reader. */
const UI_DIRS = ['src/ui', 'src/page', 'src/extension', 'entrypoints'];

type Messages = Record<string, { message: string }>;
const messages = (lang: string): Messages =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
const en = messages('en');
const ja = messages('ja');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const rel = (path: string): string => relative(ROOT, path);
const sourceFiles = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'entrypoints')), join(ROOT, 'wxt.config.ts')].filter(
  (f) => /\.(ts|html)$/.test(f) && !rel(f).startsWith('src/core/generated/'),
);
const parse = (path: string, text = readFileSync(path, 'utf8')): ts.SourceFile =>
  ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);

/** The keys a piece of code names: exact keys, and the prefixes of templates (`kind_${k}` → "kind_"). */
interface KeyUses {
  keys: Map<string, string[]>;
  prefixes: Map<string, string[]>;
}

const add = (map: Map<string, string[]>, key: string, where: string): void => {
  map.set(key, [...(map.get(key) ?? []), where]);
};

/** String literals and template heads in `node` (not inside nested calls, whose arguments are theirs). */
function collectKeys(node: ts.Node, uses: KeyUses, where: string): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(uses.keys, node.text, where);
  else if (ts.isTemplateExpression(node)) add(uses.prefixes, node.head.text, where);
  else if (ts.isPropertyAssignment(node))
    collectKeys(node.initializer, uses, where); // not its name
  else if (!ts.isCallExpression(node)) ts.forEachChild(node, (c) => collectKeys(c, uses, where));
}

const namesMessageKey = (type: ts.TypeNode | undefined): boolean => !!type && /\bMessageKey\b/.test(type.getText());

function calleeName(call: ts.CallExpression): string | undefined {
  const c = call.expression;
  if (ts.isIdentifier(c)) return c.text;
  if (ts.isPropertyAccessExpression(c)) return c.name.text;
  return undefined;
}

function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

/** Functions (by name) with parameters typed `MessageKey`, and which positions those are. */
function messageKeyParameters(sources: ts.SourceFile[]): Map<string, number[]> {
  const found = new Map<string, number[]>([
    ['t', [0]],
    ['tOptional', [0]],
    // The page layer's `message` (src/page/tooltip-interaction.ts, a `MessageLookup`): `t` passed in.
    ['message', [0]],
  ]);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) {
      const positions = node.parameters.flatMap((p, i) => (namesMessageKey(p.type) ? [i] : []));
      const name = functionName(node);
      if (name && positions.length) found.set(name, positions);
    }
    ts.forEachChild(node, visit);
  };
  for (const s of sources) visit(s);
  return found;
}

/** The message keys a TypeScript source names. */
function keysInSource(source: ts.SourceFile, keyParams: Map<string, number[]>, uses: KeyUses): void {
  const file = rel(source.fileName);
  const visit = (node: ts.Node): void => {
    const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if (ts.isCallExpression(node)) {
      for (const i of keyParams.get(calleeName(node) ?? '') ?? []) {
        const arg = node.arguments[i];
        if (arg) collectKeys(arg, uses, where);
      }
    } else if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && namesMessageKey(node.type)) {
      if (node.initializer) collectKeys(node.initializer, uses, where);
    } else if ((ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) && namesMessageKey(node.type)) {
      collectKeys(node.expression, uses, where);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** Every message key the extension's code and pages name. */
function keyUses(): KeyUses {
  const uses: KeyUses = { keys: new Map(), prefixes: new Map() };
  const parsed = sourceFiles.filter((f) => f.endsWith('.ts')).map((f) => parse(f));
  const keyParams = messageKeyParameters(parsed);
  for (const source of parsed) keysInSource(source, keyParams, uses);
  for (const file of sourceFiles) {
    const text = readFileSync(file, 'utf8');
    for (const [, key] of text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) add(uses.keys, key!, rel(file));
    if (file.endsWith('.html'))
      for (const [, key] of text.matchAll(/\bdata-i18n(?:-[a-z-]+)?="([^"]*)"/g)) add(uses.keys, key!, rel(file));
  }
  return uses;
}

/** Properties whose text a reader sees or hears. */
const TEXT_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel', 'alt']);
/** Attributes whose text a reader sees or hears. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt']);
/** Calls whose every argument becomes text on the page. */
const TEXT_CALLS = new Set(['append', 'prepend', 'replaceChildren', 'before', 'after', 'createTextNode']);
/** Operators whose result is made of both sides' text. */
const TEXT_JOINS = new Set([ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);
const hasLetters = (s: string): boolean => /\p{L}/u.test(s);

/** The literal text with letters that `expr` would put on the page as it is, or undefined. */
function literalText(expr: ts.Expression): string | undefined {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return hasLetters(expr.text) ? expr.text : undefined;
  if (ts.isTemplateExpression(expr)) {
    const parts = [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)];
    return parts.some(hasLetters) ? expr.getText() : undefined;
  }
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) return literalText(expr.expression);
  if (ts.isConditionalExpression(expr)) return literalText(expr.whenTrue) ?? literalText(expr.whenFalse);
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) return literalText(expr.left) ?? literalText(expr.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return literalText(expr.right);
  }
  return undefined;
}

/** Functions (by name) whose parameters at these positions become text on the page. */
type TextParameters = Map<string, Set<number>>;

/** The text arguments of a call that puts text on the page, or none. */
function textArguments(call: ts.CallExpression | ts.NewExpression, textParams: TextParameters): readonly ts.Expression[] {
  const args = call.arguments ?? [];
  if (ts.isNewExpression(call))
    return ts.isIdentifier(call.expression) && call.expression.text === 'Option' ? args.slice(0, 1) : [];
  const name = calleeName(call);
  if (name === 'setAttribute') {
    const attr = args[0];
    return attr && ts.isStringLiteralLike(attr) && TEXT_ATTRIBUTES.has(attr.text) ? args.slice(1, 2) : [];
  }
  if (name && TEXT_CALLS.has(name)) return args;
  const positions = textParams.get(name ?? '');
  return positions ? args.filter((_, i) => positions.has(i)) : [];
}

/** Calls `onText` with every expression under `node` that becomes text a reader sees. */
function visitTextSinks(node: ts.Node, textParams: TextParameters, onText: (expr: ts.Expression) => void): void {
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(node.left) &&
    TEXT_PROPERTIES.has(node.left.name.text)
  )
    onText(node.right);
  else if (ts.isCallExpression(node) || ts.isNewExpression(node)) for (const arg of textArguments(node, textParams)) onText(arg);
  ts.forEachChild(node, (c) => visitTextSinks(c, textParams, onText));
}

/** The names a text is made of as it is: `x`, `${x}: …`, `a ? x : y`, `x + y`, `x ?? y`. */
function textParts(expr: ts.Expression): string[] {
  if (ts.isIdentifier(expr)) return [expr.text];
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) return textParts(expr.expression);
  if (ts.isTemplateExpression(expr)) return expr.templateSpans.flatMap((span) => textParts(span.expression));
  if (ts.isConditionalExpression(expr)) return [...textParts(expr.whenTrue), ...textParts(expr.whenFalse)];
  if (ts.isBinaryExpression(expr) && TEXT_JOINS.has(expr.operatorToken.kind))
    return [...textParts(expr.left), ...textParts(expr.right)];
  return [];
}

/**
 * Parameters that reach a text sink as they are, followed through calls: `el(doc, tag, cls, text)`
 * sets textContent to `text`, so el's fourth argument is text; the tooltip's `show(…, announce)`
 * passes `announce` on to a live region's textContent, so show's third argument is text.
 */
function textParameters(sources: ts.SourceFile[]): TextParameters {
  const found: TextParameters = new Map();
  let grown = true;
  const visitFunctions = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const name = functionName(node);
      const params = new Map(node.parameters.flatMap((p, i) => (ts.isIdentifier(p.name) ? [[p.name.text, i] as const] : [])));
      if (name && params.size)
        visitTextSinks(node.body, found, (expr) => {
          for (const id of textParts(expr)) {
            const i = params.get(id);
            if (i === undefined || found.get(name)?.has(i)) continue;
            found.set(name, new Set([...(found.get(name) ?? []), i]));
            grown = true;
          }
        });
    }
    ts.forEachChild(node, visitFunctions);
  };
  while (grown) {
    grown = false;
    for (const s of sources) visitFunctions(s);
  }
  return found;
}

/** Where UI sources set text a reader sees to a literal: "file:line: text". */
function literalUiText(sources: ts.SourceFile[], textParams = textParameters(sources)): string[] {
  return sources.flatMap((source) => {
    const found: string[] = [];
    visitTextSinks(source, textParams, (expr) => {
      const literal = literalText(expr);
      const line = source.getLineAndCharacterOfPosition(expr.getStart()).line + 1;
      if (literal) found.push(`${rel(source.fileName)}:${line}: ${literal}`);
    });
    return found;
  });
}

/** Text of its own in an extension page's HTML (text nodes, and attributes a reader sees). */
function literalHtmlText(fileName: string, html: string): string[] {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<!doctype[^>]*>/i, '');
  const found: string[] = [];
  for (const [, text] of stripped.matchAll(/>([^<]+)</g))
    if (hasLetters(text!)) found.push(`${fileName}: text “${text!.trim()}”`);
  for (const [, attr, value] of stripped.matchAll(/\s(aria-label|aria-description|title|placeholder|alt)="([^"]*)"/g))
    if (hasLetters(value!)) found.push(`${fileName}: ${attr}="${value}"`);
  return found;
}

describe('message keys', () => {
  it('are the same in English and Japanese', () => {
    const enKeys = Object.keys(en);
    const jaKeys = Object.keys(ja);
    expect(
      enKeys.filter((k) => !Object.hasOwn(ja, k)),
      'in English, not in Japanese',
    ).toEqual([]);
    expect(
      jaKeys.filter((k) => !Object.hasOwn(en, k)),
      'in Japanese, not in English',
    ).toEqual([]);
  });

  const uses = keyUses();

  it('named by the code and the pages all exist in English', () => {
    const missing = [...uses.keys].filter(([key]) => !Object.hasOwn(en, key)).map(([key, where]) => `${key} (${where[0]})`);
    expect(missing).toEqual([]);
    const enKeys = Object.keys(en);
    const emptyPrefixes = [...uses.prefixes]
      .filter(([prefix]) => !enKeys.some((k) => k.startsWith(prefix)))
      .map(([prefix, where]) => `${prefix}… (${where[0]})`);
    expect(emptyPrefixes).toEqual([]);
  });

  it('in English are all used somewhere', () => {
    const prefixes = [...uses.prefixes.keys()].filter((p) => p !== '');
    const unused = Object.keys(en).filter((k) => !uses.keys.has(k) && !prefixes.some((p) => k.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('are found the way the code names them', () => {
    // The scan itself: t(), a MessageKey-typed parameter and value, and a template's prefix.
    const source = parse(
      'probe.ts',
      [
        "t('searchLabel');",
        "const FAIL: Record<string, MessageKey> = { 'not-json': 'importInvalid' };",
        'function say(key: MessageKey | undefined) {}',
        "say(ok ? 'saved' : 'removed');",
        't(`kind_${kind}` as MessageKey);',
        "other('notAKey');",
      ].join('\n'),
    );
    const probe: KeyUses = { keys: new Map(), prefixes: new Map() };
    keysInSource(source, messageKeyParameters([source]), probe);
    expect([...probe.keys.keys()].sort()).toEqual(['importInvalid', 'removed', 'saved', 'searchLabel']);
    expect([...probe.prefixes.keys()]).toEqual(['kind_']);
  });
});

describe('UI text without a message', () => {
  it('is not set from a string literal in the UI sources', () => {
    const ui = sourceFiles.filter((f) => f.endsWith('.ts') && UI_DIRS.some((d) => rel(f).startsWith(`${d}/`)));
    expect(ui.length).toBeGreaterThan(20);
    expect(literalUiText(ui.map((f) => parse(f)))).toEqual([]);
  });

  it('is not in the pages’ HTML', () => {
    const pages = sourceFiles.filter((f) => f.endsWith('.html'));
    expect(pages.map(rel).sort()).toEqual(['entrypoints/options/index.html', 'entrypoints/popup/index.html']);
    expect(pages.flatMap((f) => literalHtmlText(rel(f), readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('is caught: a literal in textContent, an attribute, el(), a template, a text node, or passed on to one', () => {
    const probe = (lines: string[]): string[] => literalUiText([parse('probe.ts', lines.join('\n'))]);
    const helpers = [
      'function el(doc, tag, className, text) { const e = doc.createElement(tag); e.textContent = text; return e; }',
      'function show(content, announce) { live.textContent = announce; }',
      'function reveal(m, position) { show(card(m), m ? `${m.term}${position ? `, ${position}` : ""}` : undefined); }',
    ];
    const wrong = [
      "box.textContent = 'Search';",
      "b.setAttribute('aria-label', 'Close');",
      "input.placeholder = 'Type here';",
      "const p = el(doc, 'p', 'note', 'Nothing found');",
      'live.textContent = `${i} of ${n}`;',
      "li.append(doc.createTextNode('also: '));",
      "status.textContent = ok ? t('saved') : 'Failed';",
      'reveal(m, `${i + 1} of ${n}`);',
    ];
    expect(probe([...helpers, ...wrong])).toHaveLength(wrong.length);
    const fine = [
      "box.textContent = t('searchLabel');",
      "rel.append(doc.createTextNode(', '));",
      "b.setAttribute('aria-label', t('revealTerm', [term, count]));",
      "const p = el(doc, 'p', 'note');",
      'label.textContent = `${t("card_related")} `;',
      "box.setAttribute('role', 'switch');",
      "status.textContent = '';",
      "reveal(m, t('positionOf', [i + 1, n]));",
    ];
    expect(probe([...helpers, ...fine])).toEqual([]);
    expect(literalHtmlText('probe.html', '<p data-i18n="x">Options</p><input placeholder="example.com" />')).toHaveLength(2);
    expect(literalHtmlText('probe.html', '<!-- a note --><p data-i18n="x"></p><script>let a = "b";</script>')).toEqual([]);
  });
});
