import { useState } from 'preact/hooks';
import { call, setToken } from '../api';
import { t } from '../i18n';
import type { Me, UiConfig } from '../main';
import { startOidc } from '../oidc';

export function SignInPage({ config, error, onSignedIn }: { config: UiConfig | null; error: string | null; onSignedIn: (me: Me) => void }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(error ? t('oidcFailed', { message: error }) : null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const candidate = value.trim();
      const me = await call<Me>('GET', '/me', undefined, {}, candidate);
      setToken(candidate);
      onSignedIn(me.body);
    } catch (err) {
      setProblem(t('badToken', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <h1 tabIndex={-1}>{t('signInTitle')}</h1>
      <p>{t('signInIntro')}</p>
      {problem && (
        <p role="alert" class="notice error">
          {problem}
        </p>
      )}
      <form onSubmit={submit} class="stack">
        <div class="field">
          <label for="token">{t('tokenLabel')}</label>
          <p id="token-help" class="help">
            {t('tokenHelp')}
          </p>
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="off"
            spellcheck={false}
            required
            aria-describedby="token-help"
            value={value}
            onInput={(e) => setValue((e.target as HTMLInputElement).value)}
          />
        </div>
        {config?.development && <p class="notice info">{t('devHint')}</p>}
        <div>
          <button type="submit" disabled={busy}>
            {t('signInButton')}
          </button>
        </div>
      </form>
      {config?.oidc && (
        <>
          <p class="muted">{t('or')}</p>
          <button
            type="button"
            class="secondary"
            onClick={() => startOidc(config.oidc!.issuer, config.oidc!.clientId).catch((e: Error) => setProblem(t('oidcFailed', { message: e.message })))}
          >
            {t('signInOidc')}
          </button>
        </>
      )}
    </div>
  );
}
