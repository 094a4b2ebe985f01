/**
 * Pages and sites as the extension sees them: which URLs are web pages it may run on, a site's
 * hostname from what a user typed, and the permission pattern that stands for a site. One place
 * for the background, the popup, site access and the settings migrations.
 */

/** A URL, or undefined when the text is not one. */
function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** An http(s) page's origin and hostname, or undefined (about:, chrome:, file:, the extension's own pages). */
export function webPage(url: string | undefined): { origin: string; host: string } | undefined {
  const u = url ? parseUrl(url) : undefined;
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) return undefined;
  return { origin: u.origin, host: u.hostname };
}

/** The hostname of an http(s) page, or undefined. */
export function pageHostname(url: string | undefined): string | undefined {
  return webPage(url)?.host;
}

/** A hostname from what a user may have typed as a site ("https://www.Example.com/a" → "www.example.com"). */
export function siteHostname(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (!text) return undefined;
  const url = parseUrl(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`);
  return url?.hostname.replace(/\.$/, '') || undefined;
}

/**
 * The permission pattern that stands for "this site": the origin's host on http and https.
 * Undefined for anything that is not an http(s) page.
 */
export function sitePattern(origin: string): string | undefined {
  const page = webPage(origin);
  return page ? `*://${page.host}/*` : undefined;
}

/** A URL safe to link to (https or http, as the browser normalises it), or undefined. */
export function safeUrl(url: string): string | undefined {
  const u = parseUrl(url);
  return u && (u.protocol === 'https:' || u.protocol === 'http:') ? u.href : undefined;
}

/** The hostname of a URL as typed (a source's title), or undefined when it is not a URL. */
export function urlHostname(text: string): string | undefined {
  return parseUrl(text.trim())?.hostname || undefined;
}
