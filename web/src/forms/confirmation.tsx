import type { ComponentChildren } from 'preact';
import { navigate } from '../router';
import { w } from './words';

/** What a person is told after a change: what happened, and what comes next. */
export interface Confirmation {
  /** What happened, as a sentence: "Växjö kommun är nu part i ärendet." */
  title: string;
  /** What comes next, if anything: "Ge parten roller …". */
  next?: string;
  /** The next thing to do, when there is one form for it: "Ge Växjö kommun en roll". */
  link?: { href: string; text: string };
  /** The area of the case page it belongs to (`parties`): the banner is shown there, and the page scrolls to it. */
  area?: string;
}

let pending: Confirmation | null = null;

/**
 * After a successful change: remembers the confirmation and goes to the page that shows it (the
 * case, at the area), where {@link takeConfirmation} picks it up once. Kept in memory only: a
 * reload of the page does not show it again.
 */
export function confirmAndGo(to: string, confirmation: Confirmation): void {
  pending = confirmation;
  navigate(confirmation.area && !to.includes('#') ? `${to}#${confirmation.area}` : to);
}

/** The confirmation waiting to be shown, taken once (call it in a `useState` initialiser). */
export function takeConfirmation(): Confirmation | null {
  const taken = pending;
  pending = null;
  return taken;
}

/**
 * The success banner (GOV.UK's notification banner): announced, and focused when the page arrives
 * (`data-arrival`, see main.tsx), so a keyboard or screen reader user starts from it.
 */
export function ConfirmationBanner({ confirmation, children }: { confirmation: Confirmation; children?: ComponentChildren }) {
  return (
    <div class="banner banner-success" role="alert" aria-labelledby="banner-title" tabIndex={-1} data-arrival="">
      <p id="banner-title" class="banner-title">
        {w('confirmationTitle')}
      </p>
      <div class="banner-body">
        <p class="banner-heading">{confirmation.title}</p>
        {confirmation.next && <p>{confirmation.next}</p>}
        {confirmation.link && (
          <p>
            <a href={confirmation.link.href}>{confirmation.link.text}</a>
          </p>
        )}
        {children}
      </div>
    </div>
  );
}
