/**
 * The default news sites (news-sites.json): the extension runs on them from install, on http and
 * https, on the domain and all its subdomains. Every other site is opt-in (see site-access.ts).
 * The manifest's content script `matches` and `host_permissions` are built from this one list.
 */
import data from './news-sites.json';

/** A news site the extension runs on from install. */
export interface NewsSite {
  /** Registrable domain (or a host under it); the pattern covers it and all its subdomains. */
  domain: string;
  /** The publication's name, for people reading the list. */
  name: string;
}

/** The default sites, sorted by domain. */
export const NEWS_SITES: readonly NewsSite[] = data.sites;

/** The match pattern for a domain and all its subdomains, on http and https. */
export function domainMatchPattern(domain: string): string {
  return `*://*.${domain}/*`;
}

/** Match patterns of every default site (content script `matches` and `host_permissions`). */
export const NEWS_SITE_MATCHES: readonly string[] = NEWS_SITES.map((s) => domainMatchPattern(s.domain));

/** Whether a hostname is one of the default sites or a subdomain of one. */
export function isDefaultNewsSite(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return NEWS_SITES.some(({ domain }) => host === domain || host.endsWith(`.${domain}`));
}
