import { type ComponentChild, Fragment, render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import './styles.css';
import { ApiError, call, get, setToken, token, whenUnauthorised, type Me, type Schema } from './api';
import { lang, setLang, t } from './i18n';
import { finishOidc } from './oidc';
import { href, interceptLinks, matchRoute, navigate, useLocation } from './router';
import { ROUTES } from './routes';
import { SignInPage } from './pages/sign-in';
import { NotFound } from './components/common';
import { isAdministrator } from './pages/admin/common';
import { w as adminWords } from './pages/admin/words';

export type { Me };

/** What the app reads of /ui/config; a fallback when it cannot be read (no sign-in offered but the token). */
export type UiConfig = Pick<Schema<'UiConfigDto'>, 'development' | 'oidc'>;

function App() {
  const { path, search } = useLocation();
  const [, relang] = useState(lang());
  const [me, setMe] = useState<Me | null>(null);
  const [config, setConfig] = useState<UiConfig | null>(null);
  const [oidcError, setOidcError] = useState<string | null>(null);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    get<UiConfig>('/ui/config').then(setConfig, () => setConfig({ development: false, oidc: null }));
    whenUnauthorised(() => {
      setToken(null);
      setMe(null);
      navigate('/signin', true);
    });
  }, []);

  useEffect(() => {
    if (path === '/oidc-callback') {
      finishOidc(search)
        .then(async (accessToken) => {
          const who = await call<Me>('GET', '/me', undefined, {}, accessToken);
          setToken(accessToken);
          setMe(who.body);
          navigate('/', true);
        })
        .catch((e: Error) => {
          setOidcError(e.message);
          navigate('/signin', true);
        });
      return;
    }
    if (!token()) {
      if (path !== '/signin' && path !== '/accessibility') navigate('/signin', true);
      return;
    }
    if (!me) get<Me>('/me').then(setMe, () => undefined);
  }, [path]);

  // A new page: its title, and focus on its heading so screen readers announce it.
  // Pages draw their h1 when their data is read, and a form's error summary comes and goes: the
  // title follows what is on the page, "Fel: " first while a form shows problems (GOV.UK).
  useEffect(() => {
    const el = main.current;
    if (!el) return;
    const sync = () => {
      const h1 = el.querySelector('h1');
      if (!h1) return;
      const title = `${el.querySelector('.error-summary') ? `${t('errorTitle')} ` : ''}${h1.textContent?.replace(/\u00ad/g, '')} – ${t('appName')}`;
      if (document.title !== title) document.title = title;
    };
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [lang()]);
  // Not on the first page of a visit: there the skip link comes first, as on any page.
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    if (main.current) return focusOnArrival(main.current);
  }, [path, search]);

  const signedIn = !!token();
  const switchLanguage = () => {
    setLang(lang() === 'sv' ? 'en' : 'sv');
    relang(lang());
    if (signedIn) get<Me>('/me').then(setMe, () => undefined);
  };
  const signOut = () => {
    setToken(null);
    setMe(null);
    navigate('/signin');
  };

  // The route table (routes.tsx); signing in and its callback are the app's own.
  const found = matchRoute(ROUTES, path);
  let page: ComponentChild;
  if (found?.route.public) page = found.route.render(found.params, new URLSearchParams(search), me);
  else if (path === '/signin' || path === '/oidc-callback' || !signedIn)
    page = (
      <SignInPage
        config={config}
        error={oidcError}
        onSignedIn={(who) => {
          setMe(who);
          navigate('/');
        }}
      />
    );
  else if (found) page = found.route.render(found.params, new URLSearchParams(search), me);
  else page = <NotFound />;
  // A page is drawn anew on another address, and in another language unless it keeps what the person typed (forms).
  const pageKey = found?.route.keepOnLanguageSwitch ? path + search : path + search + lang();

  const navItem = (to: string, label: string) => {
    const current = to === '/' ? path === '/' || path.startsWith('/cases/') : path.startsWith(to);
    return (
      <li>
        <a href={href(to)} aria-current={current ? 'page' : undefined}>
          {label}
        </a>
      </li>
    );
  };

  return (
    <>
      <a class="skip-link" href="#main">
        {t('skip')}
      </a>
      <header class="site-header">
        <div class="bar">
          <a class="brand" href={href('/')}>
            {t('appName')}
          </a>
          <div class="tools">
            {signedIn && me && <span class="who">{t('signedInAs', { name: me.person.name, org: me.organisation.name ?? '–' })}</span>}
            <button type="button" class="link-button" lang={lang() === 'sv' ? 'en' : 'sv'} onClick={switchLanguage}>
              {t('switchLang')}
            </button>
            {signedIn && (
              <button type="button" class="link-button" onClick={signOut}>
                {t('signOut')}
              </button>
            )}
          </div>
        </div>
        {signedIn && (
          <nav aria-label={t('mainNav')}>
            <ul>
              {navItem('/', t('navCases'))}
              {navItem('/inbox', t('navInbox'))}
              {navItem('/workflows', t('navWorkflows'))}
              {isAdministrator(me) && navItem('/admin', adminWords('nav'))}
              {navItem('/accessibility', t('navA11y'))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Fragment key={pageKey}>{page}</Fragment>
      </main>
      <footer class="site-footer">
        <a href={href('/accessibility')}>{t('a11yTitle')}</a>
      </footer>
    </>
  );
}

/**
 * After a navigation, focus goes where the new page starts, once it is drawn (pages read their data
 * first): an element marked `data-arrival` (a confirmation banner), else the heading of the area the
 * address's #hash names, else the page's h1. Screen readers announce it; the keyboard starts there.
 * Returns the clean-up (stop waiting).
 */
function focusOnArrival(main: HTMLElement): () => void {
  const target = (): HTMLElement | null => {
    const arrival = main.querySelector<HTMLElement>('[data-arrival]');
    if (arrival) return arrival;
    const area = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const heading = area?.querySelector<HTMLElement>('h2, h3, h4');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      return heading;
    }
    return main.querySelector<HTMLElement>('h1');
  };
  const tryFocus = () => {
    // A page still reading its data has no h1 yet (only "Hämtar …").
    if (!main.querySelector('h1')) return false;
    // An address naming an area or a form (#rec-…) waits for it: it may be drawn after the h1.
    if (location.hash.length > 1 && !document.getElementById(decodeURIComponent(location.hash.slice(1)))) return false;
    target()?.focus();
    return true;
  };
  if (tryFocus()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (tryFocus()) observer.disconnect();
  });
  observer.observe(main, { childList: true, subtree: true });
  const stop = setTimeout(() => observer.disconnect(), 10_000);
  return () => {
    observer.disconnect();
    clearTimeout(stop);
  };
}

export function errorText(e: unknown): string {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e);
}

interceptLinks();
render(<App />, document.getElementById('root')!);
