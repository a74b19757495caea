import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import './styles.css';
import { ApiError, call, get, setToken, token, whenUnauthorised, type Schema } from './api';
import { lang, setLang, t } from './i18n';
import { finishOidc } from './oidc';
import { href, interceptLinks, navigate, useLocation } from './router';
import { AccessibilityPage } from './pages/accessibility';
import { CasePage } from './pages/case';
import { InboxPage } from './pages/inbox';
import { MyCasesPage } from './pages/my-cases';
import { SignInPage } from './pages/sign-in';
import { CheckPage, WorkflowPage, WorkflowsPage } from './pages/workflows';
import { NotFound } from './components/common';

export type Me = Schema<'MeDto'>;

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
  useEffect(() => {
    const h1 = main.current?.querySelector('h1');
    if (h1) document.title = `${h1.textContent} – ${t('appName')}`;
  });
  // Not on the first page of a visit: there the skip link comes first, as on any page.
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: false });
  }, [path]);

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

  let page;
  const caseMatch = /^\/cases\/([^/]+)$/.exec(path);
  const workflowMatch = /^\/workflows\/([a-z0-9-]+)\/(\d+)$/.exec(path);
  if (path === '/accessibility') page = <AccessibilityPage />;
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
  else if (path === '/') page = <MyCasesPage key={lang()} />;
  else if (caseMatch) page = <CasePage key={caseMatch[1] + lang()} id={caseMatch[1]!} me={me} />;
  else if (path === '/inbox') page = <InboxPage key={lang()} />;
  else if (path === '/workflows') page = <WorkflowsPage key={lang()} me={me} />;
  else if (path === '/workflows/check') page = <CheckPage me={me} />;
  else if (workflowMatch) page = <WorkflowPage key={path + lang()} id={workflowMatch[1]!} version={Number(workflowMatch[2])} />;
  else page = <NotFound />;

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
              {navItem('/accessibility', t('navA11y'))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {page}
      </main>
      <footer class="site-footer">
        <a href={href('/accessibility')}>{t('a11yTitle')}</a>
      </footer>
    </>
  );
}

export function errorText(e: unknown): string {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e);
}

interceptLinks();
render(<App />, document.getElementById('root')!);
