import type { ComponentChildren } from 'preact';
import { w } from './words';

/** A link of a summary row: its text ("Ändra"), and `what` completing it for screen readers ("Ändra ansvar"). */
export interface SummaryAction {
  href: string;
  what: string;
  /** Default: "Ändra". */
  text?: string;
}

/** A row of a summary list: what, its value, and optionally links to change it. */
export interface SummaryRow {
  key: ComponentChildren;
  value: ComponentChildren;
  /** "Ändra": where to change it. */
  change?: SummaryAction;
  /** More than one link ("Ändra", "Ta bort"). */
  actions?: SummaryAction[];
}

/**
 * GOV.UK's summary list: key and value pairs, each with optional links ("Ändra"). Used on
 * check-before-you-commit pages and as the stacked form of a table on a narrow screen.
 */
export function SummaryList({ rows, class: className }: { rows: SummaryRow[]; class?: string }) {
  return (
    <dl class={`summary-list ${className ?? ''}`}>
      {rows.map((row) => (
        <div class="summary-row">
          <dt class="summary-key">{row.key}</dt>
          <dd class="summary-value">{row.value}</dd>
          {(row.change || row.actions?.length) && (
            <dd class="summary-actions">
              {[...(row.change ? [row.change] : []), ...(row.actions ?? [])].map((a) => (
                <a href={a.href}>
                  {a.text ?? w('change')}
                  <span class="visually-hidden"> {a.what}</span>
                </a>
              ))}
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
