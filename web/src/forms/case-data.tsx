import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Schema } from '../api';
import { lang, t } from '../i18n';
import { ErrorMessage, Loading, NotFound } from '../components/common';
import { versionOf } from './use-form';

/** A case as a form page reads it: the case, its ETag (for If-Match), its version, and the page's own data. */
export interface CaseRead<T> {
  case: Schema<'CaseDto'>;
  etag: string | null;
  version: number | null;
  data: T;
}

/**
 * Reads a case and what a form page needs of it. The case comes first, so its ETag is never newer
 * than the data: a change in between gives a conflict on saving (safe), never a lost update.
 * `reload` reads both again (after a conflict) and resolves with what it read (null if it failed);
 * the form keeps its values (pass the fresh data to `form.rebase`).
 * A switch of language reads again too (the service's words), without resetting the page.
 */
export function useCaseData<T>(
  caseId: string,
  load: (c: Schema<'CaseDto'>) => Promise<T>,
): { loaded: CaseRead<T> | null; error: unknown; reload: () => Promise<CaseRead<T> | null> } {
  const [state, setState] = useState<{ loaded: CaseRead<T> | null; error: unknown }>({ loaded: null, error: null });
  const live = useRef(true);
  const read = async (): Promise<CaseRead<T> | null> => {
    try {
      const answer = await api.get('/cases/{id}', { params: { id: caseId } });
      const data = await load(answer.body);
      const loaded = { case: answer.body, etag: answer.etag, version: versionOf(answer.etag), data };
      if (live.current) setState({ loaded, error: null });
      return loaded;
    } catch (error) {
      if (live.current) setState((s) => ({ loaded: s.loaded, error }));
      return null;
    }
  };
  useEffect(() => {
    live.current = true;
    void read();
    return () => {
      live.current = false;
    };
  }, [caseId, lang()]);
  return { ...state, reload: read };
}

/**
 * What a form page shows until its data is read: "Hämtar …", the case not found (404: it does not
 * exist or the person's organisation is no party), or what went wrong. Null once the data is there.
 */
export function notYet(state: { loaded: unknown; error: unknown }): ComponentChild | null {
  if (state.loaded) return null;
  if (state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 400)) return <NotFound text={t('caseNotFound')} />;
  if (state.error) return <ErrorMessage error={state.error} />;
  return <Loading />;
}
