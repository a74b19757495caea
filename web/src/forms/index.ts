/**
 * The forms kit: everything a form page needs, one import.
 *
 * - {@link useForm}: values, the form's own checks, the service's 400/422 answer at each field,
 *   409 as a conflict, one submit at a time, `keyFor(body)` for Idempotency-Key.
 * - Fields: {@link TextField}, {@link TextArea}, {@link NumberField}, {@link DateField},
 *   {@link SelectField}, {@link Radios}, {@link Checkboxes}.
 * - {@link FormPage}: back link, caption, h1, conflict notice, error summary, one primary button.
 * - {@link useCaseData}: the case (its ETag for If-Match) and the page's data; `reload` after a conflict.
 * - {@link confirmAndGo} and {@link ConfirmationBanner}: what happened and what comes next.
 * - {@link SummaryList} and {@link WarningText}: the check-before-you-commit page.
 *
 * See docs/web-interface.md, "Building a form".
 */
export { useForm, fieldId, versionOf, conflictDifferences, type Field, type FormApi, type FormError, type Message } from './use-form';
export { TextField, TextArea, NumberField, SelectField, Radios, Checkboxes, DateField, type DateParts, type FieldText, type Option } from './fields';
export { NO_DATE, dateParts, isoDate, checkDate, parseNumber, checkNumber, textOrNull } from './values';
export { ErrorSummary } from './error-summary';
export { ConflictNotice, changeText, type Difference } from './conflict';
export { confirmAndGo, takeConfirmation, ConfirmationBanner, type Confirmation } from './confirmation';
export { SummaryList, WarningText, type SummaryRow, type SummaryAction } from './summary';
export { FormPage, NotAllowed, type FormPageProps } from './form-page';
export { useCaseData, notYet, type CaseRead } from './case-data';
