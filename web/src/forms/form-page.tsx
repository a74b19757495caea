import type { ComponentChildren } from 'preact';
import { ConflictNotice, type Difference } from './conflict';
import { ErrorSummary } from './error-summary';
import type { FormApi } from './use-form';
import { w } from './words';

/** What FormPage reads of a form; any `useForm` result fits. */
export type FormState = Pick<FormApi<object>, 'errors' | 'idOf' | 'failures' | 'conflict' | 'conflictReloaded' | 'submitting' | 'refused'>;

export interface FormPageProps {
  form: FormState;
  /** The page's one heading: the question or the action ("Lägg till en part"). */
  title: string;
  /** Above the heading: what it is about (the case's title). */
  caption?: string;
  /** The back link to where the person came from (the case, at the area). */
  back: { href: string; text: string };
  onSubmit: (event: Event) => void;
  /** The one primary button: a verb for what happens ("Lägg till parten"). */
  submitText: string;
  /** The button does something that cannot be undone (GOV.UK's warning button). */
  danger?: boolean;
  /** The error summary's heading when it is not "Det finns ett problem" (a refusal: "Växjö kommun kan inte tas bort"). */
  errorTitle?: string;
  /**
   * A check page whose action the service refused as a whole (form.refused): the button goes, as it
   * can only fail again; the summary says why, the page's "Ändra" links and the back link remain.
   */
  noRetryWhenRefused?: boolean;
  /** For forms that change a case: how to load it again after a conflict, and what differs then. */
  conflict?: { caseId: string; onReload: () => Promise<unknown>; differences?: Difference[] };
  /** Text between the heading and the fields. */
  intro?: ComponentChildren;
  children?: ComponentChildren;
}

/**
 * The frame of every form page: a back link, the conflict notice and the error summary (both
 * focused when they appear; above the heading, as GOV.UK places them), the caption and the one h1, the form (no browser validation: the form's
 * checks and the service's answer are shown the same way), one primary button and "Avbryt".
 */
export function FormPage({
  form,
  title,
  caption,
  back,
  onSubmit,
  submitText,
  danger,
  errorTitle,
  noRetryWhenRefused,
  conflict,
  intro,
  children,
}: FormPageProps) {
  return (
    <div class="form-page">
      <a class="back-link" href={back.href}>
        {back.text}
      </a>
      {conflict && <ConflictNotice form={form} caseId={conflict.caseId} onReload={conflict.onReload} differences={conflict.differences} />}
      <ErrorSummary form={form} title={errorTitle} />
      {caption && <p class="caption">{caption}</p>}
      <h1 tabIndex={-1}>{title}</h1>
      {intro}
      <form noValidate onSubmit={onSubmit} aria-busy={form.submitting ? 'true' : undefined}>
        {children}
        <div class="button-group">
          {noRetryWhenRefused && form.refused ? (
            <a href={back.href}>{back.text}</a>
          ) : (
            <>
              <button type="submit" class={danger ? 'warning' : undefined}>
                {submitText}
              </button>
              <a href={back.href}>{w('cancel')}</a>
            </>
          )}
        </div>
        <p class="visually-hidden" role="status">
          {form.submitting ? w('sending') : ''}
        </p>
      </form>
    </div>
  );
}

/**
 * A form page the signed-in person may not use (they followed an old link, or typed the address):
 * the one heading, why, who may, and the way back. Never a form that can only fail.
 */
export function NotAllowed({ title, why, back }: { title?: string; why: string; back: { href: string; text: string } }) {
  return (
    <div class="form-page">
      <a class="back-link" href={back.href}>
        {back.text}
      </a>
      <h1 tabIndex={-1}>{title ?? w('notAllowedTitle')}</h1>
      <p>{why}</p>
    </div>
  );
}
