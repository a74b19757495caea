import { useRef, useState } from 'preact/hooks';
import { ApiError, newIdempotencyKey } from '../api';

/**
 * A message for a person: a text (the server's, already in the page's language), or a function
 * giving it in the current language (the form's own checks), so switching language rewords it.
 */
export type Message = string | (() => string);

/** One problem shown in the error summary; `name` is the field it belongs to, or null for the form as a whole. */
export interface FormError {
  name: string | null;
  message: Message;
}

/** What a field component needs of the form: its id, value, error, and how to change the value. */
export interface Field<T> {
  /** The id of the input (of the first input of a group): the error summary links here. */
  id: string;
  name: string;
  value: T;
  /** The field's message, in the current language, when it has a problem. */
  error: string | undefined;
  set(value: T): void;
  /** Field components call this with their label, so that server messages name the field by it. */
  labelled(label: string): void;
}

/** The state of a 409 answer: the case changed under the person (If-Match). */
export interface Conflict {
  error: ApiError;
  /** The case version the person started from (their ETag), when known. */
  since: number | null;
  /** The person has loaded the case again (the notice then says so, and what changed). */
  reloaded: boolean;
}

export interface FormOptions<V> {
  /** The values the form starts with; read once, so a reload of the page's data never overwrites what the person typed. */
  initial: V;
  /**
   * The form's own checks before anything is sent, in the person's words: field name → message.
   * Check what the person must do (choose, fill in, a real date); leave the rest to the service.
   */
  validate?: (values: V) => Record<string, Message | undefined>;
  /** The field a server error's `path` names, when it is not the field's own name (`entries.2.personId` → `chair-<org>`). */
  fieldOf?: (path: string) => string | undefined;
}

/** What {@link useForm} gives a form page. */
export interface FormApi<V> {
  values: V;
  set<K extends keyof V>(name: K, value: V[K]): void;
  /** Several values at once (a choice that empties the fields depending on it). */
  setAll(patch: Partial<V>): void;
  /** The binding of a field of `values`, for the field components: `<TextField field={form.field('benefit')} label=… />`. */
  field<K extends keyof V & string>(name: K): Field<V[K]>;
  /** A binding of a field whose value lives elsewhere (one row of a list, a part of an object). */
  bind<T>(name: string, value: T, set: (value: T) => void): Field<T>;
  /** The problems, ordered as the fields appear; the error summary lists them. */
  errors: FormError[];
  /** The problem of one field, in the current language. */
  errorOf(name: string): string | undefined;
  /** The id of a field's input, for links to it. */
  idOf(name: string): string;
  /** How many submits failed so far: the error summary and the conflict notice take focus when it changes. */
  failures: number;
  submitting: boolean;
  /**
   * The last submit was refused as a whole by a rule of the service (403, or 422 naming no field):
   * sending the same again can only fail, until something else changes.
   */
  refused: boolean;
  conflict: Conflict | null;
  /** After "Läs in ärendet igen": the notice says the case is loaded again and what changed. */
  conflictReloaded(): void;
  /** Whether the person has changed a field from what the form was read with (its baseline). */
  changed(name: keyof V & string): boolean;
  /**
   * After loading the case again (a conflict): the fields the person has not changed take the
   * values saved now, the ones they changed keep what they typed, and the baseline becomes `saved`
   * (so `changed` and what is sent are measured against what is saved now). Marks the conflict
   * reloaded. The fields that took new values are in `taken`, for the conflict notice.
   */
  rebase(saved: V): void;
  /** The fields that took someone else's saved value at the last {@link rebase}. */
  taken: string[];
  /** The fields both the person and someone else changed, differently, as of the last {@link rebase}. */
  clashed: string[];
  /**
   * The submit handler of the `<form>`: runs `validate`, then `send`; an ApiError from `send` is
   * shown (field problems at their fields, 409 VERSION_CONFLICT as a conflict, anything else in the
   * summary). A second submit while one is under way is ignored (a double-click sends once).
   * @param since the case version the form's data was read at (from the ETag), for the conflict notice
   */
  submit(send: (values: V) => Promise<void>, since?: number | null): (event: Event) => void;
  /**
   * The `Idempotency-Key` for a request body: the same key for as long as the body is the same
   * (a repeat after a lost answer is answered, not done twice), a new one when it changes.
   */
  keyFor(body: unknown): string;
}

const CONFLICT_CODES = new Set(['VERSION_CONFLICT', 'CONCURRENT_UPDATE']);

/** The element id of a field by its name. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** A message in the current language. */
export function text(message: Message): string {
  return typeof message === 'function' ? message() : message;
}

/** The case version in an ETag (`"3"` → 3), or null. */
export function versionOf(etag: string | null | undefined): number | null {
  const m = /(\d+)/.exec(etag ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * A form's state: values, problems (the form's own checks and the server's 400/422 answer, each at
 * its field), a conflict (409), and the submit handler. See docs/web-interface.md, "Building a form".
 */
export function useForm<V extends object>(options: FormOptions<V>): FormApi<V> {
  const [values, setValues] = useState<V>(options.initial);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [failures, setFailures] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [refused, setRefused] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [baseline, setBaseline] = useState<V>(options.initial);
  const [taken, setTaken] = useState<string[]>([]);
  const [clashed, setClashed] = useState<string[]>([]);
  const busy = useRef(false);
  const labels = useRef(new Map<string, string>());
  const order = useRef<string[]>([]);
  const lastKey = useRef<{ body: string; key: string } | null>(null);

  const errorOf = (name: string) => {
    const found = errors.find((e) => e.name === name);
    return found ? capitalise(text(found.message)) : undefined;
  };
  const bind = <T>(name: string, value: T, set: (value: T) => void): Field<T> => {
    if (!order.current.includes(name)) order.current.push(name);
    return {
      id: fieldId(name),
      name,
      value,
      error: errorOf(name),
      set,
      labelled: (label) => void labels.current.set(name, label),
    };
  };
  const set = <K extends keyof V>(name: K, value: V[K]) => setValues((v) => ({ ...v, [name]: value }));
  // The summary lists problems as the fields come on the page: the form's own first, then by the
  // fields' places in the document (registration order where a field is not drawn).
  const sorted = (list: FormError[]) => {
    const rank = (e: FormError) => (e.name === null ? -1 : order.current.indexOf(e.name) === -1 ? order.current.length : order.current.indexOf(e.name));
    const element = (e: FormError) => (e.name === null ? null : document.getElementById(fieldId(e.name)));
    return [...list].sort((a, b) => {
      const [x, y] = [element(a), element(b)];
      if (x && y && x !== y) return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      return rank(a) - rank(b);
    });
  };

  return {
    values,
    set,
    setAll: (patch) => setValues((v) => ({ ...v, ...patch })),
    field: (name) => bind(name, values[name], (v) => set(name, v)),
    bind,
    errors,
    errorOf,
    idOf: fieldId,
    failures,
    submitting,
    refused,
    conflict,
    conflictReloaded: () => setConflict((c) => (c ? { ...c, reloaded: true } : c)),
    changed: (name) => !equal(values[name], baseline[name]),
    rebase(saved) {
      const keys = Object.keys(saved) as Array<keyof V & string>;
      const otherChanged = keys.filter((k) => !equal(saved[k], baseline[k]));
      const names = otherChanged.filter((k) => equal(values[k], baseline[k]));
      setValues((v) => ({ ...v, ...Object.fromEntries(names.map((k) => [k, saved[k]])) }));
      setBaseline(saved);
      setTaken(names);
      setClashed(otherChanged.filter((k) => !names.includes(k) && !equal(values[k], saved[k])));
      setConflict((c) => (c ? { ...c, reloaded: true } : c));
    },
    taken,
    clashed,
    keyFor(body) {
      const json = JSON.stringify(body ?? null);
      if (lastKey.current?.body !== json) lastKey.current = { body: json, key: newIdempotencyKey() };
      return lastKey.current.key;
    },
    submit:
      (send, since = null) =>
      (event) => {
        event.preventDefault();
        if (busy.current) return;
        const own = Object.entries(options.validate?.(values) ?? {}).flatMap(([name, message]) => (message ? [{ name, message }] : []));
        setRefused(false);
        if (own.length) {
          setErrors(sorted(own));
          setFailures((n) => n + 1);
          return;
        }
        busy.current = true;
        setSubmitting(true);
        send(values)
          .then(() => {
            setErrors([]);
            setConflict(null);
          })
          .catch((error: unknown) => {
            if (error instanceof ApiError && error.status === 409 && CONFLICT_CODES.has(error.code)) {
              setErrors([]);
              setConflict({ error, since, reloaded: false });
            } else {
              setConflict(null);
              const problems = serverErrors(error, (path) => options.fieldOf?.(path) ?? (order.current.includes(path) ? path : undefined), labels.current);
              setErrors(sorted(problems));
              setRefused(error instanceof ApiError && (error.status === 403 || error.status === 422) && problems.every((p) => p.name === null));
            }
            setFailures((n) => n + 1);
          })
          .finally(() => {
            busy.current = false;
            setSubmitting(false);
          });
      },
  };
}

/**
 * The problems of a refused request: each of `errors[]` (400 VALIDATION_FAILED, 422 with a path) at
 * the field its path names, worded with the field's label where the service named the field by its
 * key; anything else (403, 404, a 422 rule of the domain, a lost connection) as one problem of the form.
 */
export function serverErrors(error: unknown, fieldOf: (path: string) => string | undefined, labels: ReadonlyMap<string, string>): FormError[] {
  if (!(error instanceof ApiError)) return [{ name: null, message: error instanceof Error ? error.message : String(error) }];
  const list = Array.isArray(error.body?.errors) ? error.body.errors : [];
  if (!list.length) return [{ name: null, message: error.message }];
  return list.map((problem) => {
    const name = fieldOf(problem.path) ?? null;
    const label = name ? labels.get(name) : undefined;
    return { name, message: label ? nameField(problem.message, problem.path, label) : problem.message };
  });
}

/** "benefit får vara högst 2000 tecken" → "Vad samverkan ger parten får vara högst 2000 tecken": the field by its label, not its key. */
function nameField(message: string, path: string, label: string): string {
  const key = path.split('.').pop() ?? path;
  for (const prefix of [`${path}: `, `${path} `, `${key}: `, `${key} `]) {
    if (message.startsWith(prefix)) return `${label}${prefix.endsWith(': ') ? ': ' : ' '}${message.slice(prefix.length)}`;
  }
  return message;
}

/** The same value (texts, choices, dates as typed); choices compare in any order. */
function equal(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.some((y) => equal(x, y)));
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The differences the conflict notice shows after a reload: what someone else changed that the
 * form took in (`taken`), and what both changed, differently (`clashed`): saved now against typed.
 * @param fields each field's label and how its value reads
 */
export function conflictDifferences<V extends object>(
  form: Pick<FormApi<V>, 'values' | 'taken' | 'clashed'>,
  saved: V,
  fields: Array<ShownField<V>>,
): Array<{ label: string; now: string; yours?: string }> {
  return fields.flatMap((f: ShownField<V, keyof V & string>) => {
    if (form.taken.includes(f.name)) return [{ label: f.label, now: f.show(saved[f.name]) }];
    if (form.clashed.includes(f.name)) return [{ label: f.label, now: f.show(saved[f.name]), yours: f.show(form.values[f.name]) }];
    return [];
  });
}

/** A field of a form with its label and how its value reads, for {@link conflictDifferences}. */
export type ShownField<V, K extends keyof V & string = keyof V & string> = K extends keyof V & string
  ? { name: K; label: string; show: (value: V[K]) => string }
  : never;

function capitalise(message: string): string {
  return message.charAt(0).toLocaleUpperCase() + message.slice(1);
}

/** The problems of the summary, each in the current language with a capital letter. */
export function summaryOf(form: Pick<FormApi<object>, 'errors' | 'idOf'>): Array<{ href: string | null; text: string }> {
  return form.errors.map((e) => ({ href: e.name ? `#${form.idOf(e.name)}` : null, text: capitalise(text(e.message)) }));
}
