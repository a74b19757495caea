import { useEffect, useState } from 'preact/hooks';
import type { ComponentChild } from 'preact';
import type { Me } from './api';

/** Client routes live under /app/ (the service answers index.html there). */
export const BASE = '/app';

export function path(): string {
  const p = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  return p || '/';
}

const listeners = new Set<() => void>();

export function navigate(to: string, replace = false): void {
  const url = to.startsWith('/app') ? to : BASE + to;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  listeners.forEach((l) => {
    l();
  });
}

window.addEventListener('popstate', () => {
  listeners.forEach((l) => {
    l();
  });
});

/** The current location; re-renders on navigation. */
export function useLocation(): { path: string; search: string } {
  const [, tick] = useState(0);
  useEffect(() => {
    const l = () => tick((n) => n + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return { path: path(), search: location.search };
}

/** Same-origin links under /app/ are handled here, without a page load. */
export function interceptLinks(): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(`${BASE}/`)) return;
    // Only a jump within the same page is left to the browser; a link to another address keeps its #hash
    // (the area or form to arrive at: the task list's link to a board's decision form).
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    e.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}

export function href(to: string): string {
  return BASE + to;
}

/*
 * The route table's pieces. A route is a pattern with `:name` parameters and the page it shows;
 * each area of the interface exports its routes (and the patterns, for links) from a module of
 * its own, and web/src/routes.tsx lists the modules: adding a page never means editing a chain of
 * ifs. `to(pattern, params)` makes the link, typed by the pattern's parameters.
 */

/** The parameter names of a pattern: `'/cases/:id/parties/:org/change'` → `'id' | 'org'`. */
type ParamNames<P extends string> = P extends `${infer A}/${infer B}` ? ParamNames<A> | ParamNames<B> : P extends `:${infer N}` ? N : never;
/** The parameters of a pattern, each a string: `{ id: string; org: string }`. */
export type RouteParams<P extends string> = { [K in ParamNames<P>]: string };

/** What a page of the route table is given. */
export interface RouteProps<P extends string> {
  params: RouteParams<P>;
  /** The query string (`?org=…`). */
  query: URLSearchParams;
  /** The signed-in person (null while it is read). */
  me: Me | null;
}

/** One entry of the route table. */
export interface Route {
  pattern: string;
  /** The page, for these parameters. */
  render(params: Record<string, string>, query: URLSearchParams, me: Me | null): ComponentChild;
  /** Shown without signing in (the accessibility statement). */
  public: boolean;
  /**
   * Kept when the language is switched (a form: what the person typed stays; the page re-reads
   * its data and rewords itself). Other pages are drawn anew in the new language.
   */
  keepOnLanguageSwitch: boolean;
  matcher: RegExp;
  names: string[];
}

/**
 * A route: `route('/cases/:id/parties/new', ({ params }) => <AddPartyPage caseId={params.id} />, { keepOnLanguageSwitch: true })`.
 * A parameter matches one path segment (no `/`), decoded.
 */
export function route<P extends string>(
  pattern: P,
  page: (props: RouteProps<P>) => ComponentChild,
  options: { public?: boolean; keepOnLanguageSwitch?: boolean } = {},
): Route {
  const names: string[] = [];
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return {
    pattern,
    render: (params, query, me) => page({ params: params as RouteParams<P>, query, me }),
    public: options.public ?? false,
    keepOnLanguageSwitch: options.keepOnLanguageSwitch ?? false,
    matcher: new RegExp(`^${source}$`),
    names,
  };
}

/** The first route whose pattern matches the path, with its parameters; null when none does. */
export function matchRoute(routes: readonly Route[], pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const r of routes) {
    const m = r.matcher.exec(pathname);
    if (!m) continue;
    try {
      return { route: r, params: Object.fromEntries(r.names.map((name, i) => [name, decodeURIComponent(m[i + 1]!)])) };
    } catch {
      return null; // a malformed %-escape: no such page
    }
  }
  return null;
}

/**
 * The address of a page of the route table: `to('/cases/:id/parties/:org/change', { id, org })` →
 * `/app/cases/…/parties/…/change`; `query` and `hash` are added when given.
 */
export function to<P extends string>(pattern: P, params: RouteParams<P>, query?: Record<string, string | undefined>, hash?: string): string {
  const values = params as Record<string, string>;
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
  const search = new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => !!e[1])).toString();
  return `${BASE}${path}${search ? `?${search}` : ''}${hash ? `#${hash}` : ''}`;
}
