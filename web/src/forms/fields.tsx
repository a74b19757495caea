import type { ComponentChildren } from 'preact';
import type { Field } from './use-form';
import { w } from './words';

/*
 * The field components, GOV.UK-style: a visible label, the hint under it, the error message under
 * the hint, then the input; the hint and the message are tied to the input (aria-describedby), a
 * field with a problem is marked (aria-invalid). A group (radios, checkboxes, a date) is a fieldset
 * whose legend is the label. Every component takes a `field` from useForm: `form.field('name')`.
 */

/** What every field takes besides its binding. */
export interface FieldText {
  /** What the field is, in the person's words; never a key. */
  label: string;
  /** Help under the label: what to write, in what form. */
  hint?: ComponentChildren;
  /** Shows "(frivilligt)" after the label. */
  optional?: boolean;
  /**
   * Words that make the label unique for a screen reader where the same question repeats (one per
   * party under a legend naming it): read, not shown. "för Växjö kommun".
   */
  context?: string;
  /**
   * What the field is called inside a sentence, for the service's messages about it ("Texten om
   * vad parten får" + " får vara högst 2000 tecken"). Default: the label, in quotes when it is a question.
   */
  noun?: string;
}

/** An option of a select, radios or checkboxes. */
export interface Option {
  value: string;
  label: string;
  /** A hint under this option (radios and checkboxes). */
  hint?: string;
}

const hintId = (id: string) => `${id}-hint`;
const errorId = (id: string) => `${id}-error`;

/** The ids the input is described by: its hint and its message, when they are shown. */
function describedBy(field: Field<unknown>, hint: ComponentChildren): string | undefined {
  return [hint ? hintId(field.id) : null, field.error ? errorId(field.id) : null].filter(Boolean).join(' ') || undefined;
}

function LabelText({ label, optional, context }: FieldText) {
  return (
    <>
      {label}
      {context && <span class="visually-hidden"> {context}</span>}
      {optional && <span class="optional"> {w('optional')}</span>}
    </>
  );
}

/** The hint and the message of a field, in GOV.UK's order. */
function HintAndError({ field, hint }: { field: Field<unknown>; hint: ComponentChildren }) {
  return (
    <>
      {hint && (
        <div id={hintId(field.id)} class="hint">
          {hint}
        </div>
      )}
      {field.error && (
        <p id={errorId(field.id)} class="error-message">
          <span class="visually-hidden">{w('errorPrefix')} </span>
          {field.error}
        </p>
      )}
    </>
  );
}

/** One input with its label. */
/** The name a field goes by in messages. */
function nameInMessages({ label, context, noun }: FieldText): string {
  if (noun) return noun;
  const full = context ? `${label} ${context}` : label;
  return label.endsWith('?') ? `”${full}”` : full;
}

function Single({ field, label, hint, optional, context, noun, children }: FieldText & { field: Field<unknown>; children: ComponentChildren }) {
  field.labelled(nameInMessages({ label, context, noun }));
  return (
    <div class={`form-group${field.error ? ' has-error' : ''}`}>
      <label for={field.id} class="label">
        <LabelText label={label} optional={optional} context={context} />
      </label>
      <HintAndError field={field} hint={hint} />
      {children}
    </div>
  );
}

/** A line of text. `width` in characters: a field as wide as its answer tells what is expected. */
export function TextField({
  field,
  width,
  autocomplete,
  inputMode,
  ...text
}: FieldText & { field: Field<string>; width?: 'full' | 2 | 4 | 10 | 20; autocomplete?: string; inputMode?: 'text' | 'numeric' | 'decimal' }) {
  return (
    <Single field={field} {...text}>
      <input
        id={field.id}
        name={field.name}
        type="text"
        class={`input width-${width ?? 'full'}`}
        value={field.value}
        autocomplete={autocomplete}
        inputMode={inputMode}
        spellcheck={inputMode === 'numeric' || inputMode === 'decimal' ? false : undefined}
        aria-describedby={describedBy(field, text.hint)}
        aria-invalid={field.error ? 'true' : undefined}
        onInput={(e) => field.set((e.target as HTMLInputElement).value)}
      />
    </Single>
  );
}

/** Several lines of text. */
export function TextArea({ field, rows = 5, ...text }: FieldText & { field: Field<string>; rows?: number }) {
  return (
    <Single field={field} {...text}>
      <textarea
        id={field.id}
        name={field.name}
        class="textarea"
        rows={rows}
        value={field.value}
        aria-describedby={describedBy(field, text.hint)}
        aria-invalid={field.error ? 'true' : undefined}
        onInput={(e) => field.set((e.target as HTMLTextAreaElement).value)}
      />
    </Single>
  );
}

/**
 * A number, typed as text (GOV.UK: not `type=number`, which changes the value on a scroll and
 * hides what was typed). Read it with {@link parseNumber}, which takes a decimal comma.
 */
export function NumberField({ field, decimals = false, width = 10, ...text }: FieldText & { field: Field<string>; decimals?: boolean; width?: 2 | 4 | 10 }) {
  return <TextField field={field} width={width} inputMode={decimals ? 'decimal' : 'numeric'} {...text} />;
}

/** A choice from a list (more than about five options; fewer are radios). */
export function SelectField({ field, options, placeholder, ...text }: FieldText & { field: Field<string>; options: Option[]; placeholder?: string }) {
  return (
    <Single field={field} {...text}>
      <select
        id={field.id}
        name={field.name}
        class="select"
        value={field.value}
        aria-describedby={describedBy(field, text.hint)}
        aria-invalid={field.error ? 'true' : undefined}
        onChange={(e) => field.set((e.target as HTMLSelectElement).value)}
      >
        {placeholder !== undefined && <option value="">{placeholder || w('chooseOne')}</option>}
        {options.map((o) => (
          <option value={o.value}>{o.label}</option>
        ))}
      </select>
    </Single>
  );
}

/** A group of inputs under a legend (radios, checkboxes, a date): the legend is the label. */
function Group({
  field,
  label,
  hint,
  optional,
  context,
  noun,
  children,
  legendClass,
}: FieldText & { field: Field<unknown>; children: ComponentChildren; legendClass?: string }) {
  field.labelled(nameInMessages({ label, context, noun }));
  return (
    <div class={`form-group${field.error ? ' has-error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(field, hint)}>
        <legend class={`legend ${legendClass ?? ''}`}>
          <LabelText label={label} optional={optional} context={context} />
        </legend>
        <HintAndError field={field} hint={hint} />
        {children}
      </fieldset>
    </div>
  );
}

/** One choice of a few (up to about five), each visible. */
export function Radios({ field, options, inline, ...text }: FieldText & { field: Field<string>; options: Option[]; inline?: boolean }) {
  return (
    <Group field={field} {...text}>
      <div class={`choices${inline ? ' inline' : ''}`}>
        {options.map((o, i) => {
          const id = i === 0 ? field.id : `${field.id}-${i}`;
          return (
            <div class="choice">
              <input
                id={id}
                type="radio"
                name={field.name}
                value={o.value}
                checked={field.value === o.value}
                aria-describedby={o.hint ? `${id}-hint` : undefined}
                onChange={() => field.set(o.value)}
              />
              <label for={id}>{o.label}</label>
              {o.hint && (
                <div id={`${id}-hint`} class="hint choice-hint">
                  {o.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Group>
  );
}

/** Any number of choices. */
export function Checkboxes({ field, options, ...text }: FieldText & { field: Field<string[]>; options: Option[] }) {
  const toggle = (value: string, on: boolean) => field.set(on ? [...field.value.filter((v) => v !== value), value] : field.value.filter((v) => v !== value));
  return (
    <Group field={field} {...text}>
      <div class="choices">
        {options.map((o, i) => {
          const id = i === 0 ? field.id : `${field.id}-${i}`;
          return (
            <div class="choice">
              <input
                id={id}
                type="checkbox"
                name={field.name}
                value={o.value}
                checked={field.value.includes(o.value)}
                aria-describedby={o.hint ? `${id}-hint` : undefined}
                onChange={(e) => toggle(o.value, (e.target as HTMLInputElement).checked)}
              />
              <label for={id}>{o.label}</label>
              {o.hint && (
                <div id={`${id}-hint`} class="hint choice-hint">
                  {o.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Group>
  );
}

/** A date as the person types it: day, month and year, each as written. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/**
 * A date as three fields, day, month and year (GOV.UK's date input): no calendar widget, no
 * format to guess. The hint states an example; read the value with {@link isoDate}.
 */
export function DateField({ field, example, ...text }: FieldText & { field: Field<DateParts>; example?: string }) {
  const part = (key: keyof DateParts, label: string, width: 2 | 4, first: boolean) => {
    const id = first ? field.id : `${field.id}-${key}`;
    return (
      <div class="date-part">
        <label for={id} class="date-label">
          {label}
        </label>
        <input
          id={id}
          name={`${field.name}-${key}`}
          type="text"
          inputMode="numeric"
          spellcheck={false}
          class={`input width-${width}`}
          value={field.value[key]}
          aria-invalid={field.error ? 'true' : undefined}
          onInput={(e) => field.set({ ...field.value, [key]: (e.target as HTMLInputElement).value })}
        />
      </div>
    );
  };
  return (
    <Group field={field} {...text} hint={text.hint ?? w('dateHint', { example: example ?? '3 9 2027' })}>
      <div class="date-input">
        {part('day', w('day'), 2, true)}
        {part('month', w('month'), 2, false)}
        {part('year', w('year'), 4, false)}
      </div>
    </Group>
  );
}
