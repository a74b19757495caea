import type { ComponentChildren } from 'preact';
import { w } from './words';

/** A row of a summary list: what, its value, and optionally a link to change it. */
export interface SummaryRow {
  key: string;
  value: ComponentChildren;
  /** "Ändra": where to change it; `what` completes the link's text for screen readers ("Ändra ansvar"). */
  change?: { href: string; what: string; text?: string };
}

/**
 * GOV.UK's summary list: key and value pairs, each with an optional "Ändra" link. Used on
 * check-before-you-commit pages and as the stacked form of a table on a narrow screen.
 */
export function SummaryList({ rows, class: className }: { rows: SummaryRow[]; class?: string }) {
  return (
    <dl class={`summary-list ${className ?? ''}`}>
      {rows.map((row) => (
        <div class="summary-row">
          <dt class="summary-key">{row.key}</dt>
          <dd class="summary-value">{row.value}</dd>
          {row.change && (
            <dd class="summary-actions">
              <a href={row.change.href}>
                {row.change.text ?? w('change')}
                <span class="visually-hidden"> {row.change.what}</span>
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/** A warning in words with a symbol (GOV.UK's warning text): what cannot be undone. */
export function WarningText({ children }: { children: ComponentChildren }) {
  return (
    <div class="warning-text">
      <span class="warning-icon" aria-hidden="true">
        !
      </span>
      <strong class="warning-body">
        <span class="visually-hidden">{w('warning')}: </span>
        {children}
      </strong>
    </div>
  );
}
