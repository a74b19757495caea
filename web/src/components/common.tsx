import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { clockTime, date, stockholmToday, t } from '../i18n';
import { href } from '../router';

/** Loads data for a page; `reload` fetches again. */
export function useData<T>(load: () => Promise<T>, deps: unknown[] = []): { data: T | null; error: unknown; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data, error: null }),
      (error) => live && setState({ data: null, error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, n]);
  return { ...state, reload: () => setN((x) => x + 1) };
}

export function Loading() {
  return (
    <p role="status" class="muted">
      {t('loading')}
    </p>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return (
    <p role="alert" class="notice error">
      {t('error', { message })}
    </p>
  );
}

export function NotFound({ text }: { text?: string }) {
  return (
    <>
      <h1 tabIndex={-1}>{t('notFoundTitle')}</h1>
      <p>{text ?? t('notFoundText')}</p>
      <p>
        <a href={href('/')}>{t('backToCases')}</a>
      </p>
    </>
  );
}

/** A table that scrolls sideways on a narrow screen, reachable by keyboard. */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: the named region is the table's scrolling wrapper, a <div> as the browser tests know it (a <section> would be the same region)
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the focus so the keyboard can scroll it (axe: scrollable-region-focusable)
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * A status in words with a symbol, never by colour alone. The symbols are not letters (an "i" would
 * be read as the Swedish word "i"), and are hidden from screen readers: the words say it.
 */
export function Badge({ kind, children }: { kind: 'ok' | 'warn' | 'bad' | 'info'; children: ComponentChildren }) {
  const symbol = { ok: '✓', warn: '!', bad: '✗', info: '●' }[kind];
  return (
    <span class={`badge badge-${kind}`}>
      <span aria-hidden="true">{symbol} </span>
      {children}
    </span>
  );
}

/** The time of day a deadline passes, "15.00", when it is not the end of a day (an SLA in hours); else null. */
export function deadlineTime(dueAt: string | null | undefined): string | null {
  if (!dueAt) return null;
  const time = clockTime(dueAt);
  return time === clockTime('2000-01-01T00:00:00+01:00') ? null : time;
}

/** When a deadline passes, in words: "senast 3 mars 2027", or with the hour of an SLA in hours "senast 3 mars 2027 kl. 15.00". */
export function dueText(due: { dueOn: string; dueAt?: string | null }): string {
  const time = deadlineTime(due.dueAt);
  return time ? t('dueAt', { date: date(due.dueOn), time }) : t('due', { date: date(due.dueOn) });
}

/**
 * How much time is left, in words: working days left or late; on the last day of an SLA in hours
 * the hour ("Senast kl. 15.00 i dag"); past the deadline by less than a working day, late.
 */
export function deadlineText(workingDaysLeft: number, due?: { dueOn: string; dueAt?: string | null; overdue?: boolean }): string {
  if (workingDaysLeft < 0) return t('workingDaysLate', { n: -workingDaysLeft });
  if (due?.overdue) return t('lateToday');
  if (workingDaysLeft === 0) {
    const time = deadlineTime(due?.dueAt);
    if (!time || !due) return t('lastDay');
    return due.dueOn === stockholmToday() ? t('lastDayAt', { time }) : t('lastDayOn', { date: date(due.dueOn), time });
  }
  if (workingDaysLeft === 1) return t('workingDaysLeftOne');
  return t('workingDaysLeft', { n: workingDaysLeft });
}
