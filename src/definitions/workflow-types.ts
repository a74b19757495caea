import type { LocalizedText } from '../common/i18n.js';
import type { DocumentKindDeclaration, FieldDeclaration } from '../rules/vocabulary.js';

/**
 * The process owner's workflow file, `workflows/<id>.v<version>.json`, as it is after validation.
 *
 * It is an XState v5 machine config (states, `on`, guards by name, final, nested and parallel
 * states) plus `meta` that the engine reads: titles, who may send which event, the gate of each
 * transition and the step's SLA. See docs/workflows-and-rules.md.
 */
export interface WorkflowFile {
  $schema?: string;
  /** kebab-case id, the first part of the file name. */
  id: string;
  /** Positive integer, the `v<N>` of the file name. A used version is never edited. */
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  initial: string;
  meta?: WorkflowMeta;
  states: Record<string, StateConfig>;
}

/** Workflow-wide settings. */
export interface WorkflowMeta {
  /** Default roles allowed to send each event, where a state does not say otherwise. */
  roles?: EventRoles;
  /**
   * The case fields of this workflow, in the order a form shows them: key (lowerCamelCase), the
   * type of value, the label and a help text. Every field a gate names must be declared here.
   */
  fields?: FieldDeclaration[];
  /** The kinds of document of this workflow with its labels and help. Every kind a gate names must be declared here. */
  documentKinds?: DocumentKindDeclaration[];
}

/** Event type → the roles on the case that may send it. */
export type EventRoles = Record<string, string[]>;

/** One state (a step of the lifecycle, or a sub-step). */
export interface StateConfig {
  type?: 'final' | 'parallel';
  initial?: string;
  states?: Record<string, StateConfig>;
  on?: Record<string, TransitionSpec>;
  description?: string;
  meta: StateMeta;
}

/** What the engine reads from a state's `meta`. */
export interface StateMeta {
  title: LocalizedText;
  description?: LocalizedText;
  /** How long the case may stay here before it counts as stalled. */
  sla?: Sla;
  /** Overrides of the workflow's default roles for events sent in this state (or its children). */
  roles?: EventRoles;
  /** Who is told, and when, while the case stays here around its deadline. Needs an `sla`. */
  escalation?: EscalationLevel[];
}

/** A service level: exactly one of the three units. Working days follow the Swedish calendar. */
export type Sla = { workingDays: number } | { calendarDays: number } | { hours: number };

/**
 * A time relative to a step's deadline: exactly one unit; negative is before the deadline, 0 the
 * moment it passes. Day offsets land at the end (midnight) of the day they count to.
 */
export type DeadlineOffset = { workingDays: number } | { calendarDays: number } | { hours: number };

/**
 * One rung of a step's escalation ladder: at `at` (relative to the deadline) the people holding
 * the `notify` roles on the case are told, once per stay in the step. Rungs are in time order and
 * use one unit.
 */
export interface EscalationLevel {
  /** lowerCamel name, unique in the ladder, e.g. `reminder`, `manager`, `steering`. */
  level: string;
  /** What the level is called in messages, e.g. "Eskalering till chef". */
  title?: LocalizedText;
  at: DeadlineOffset;
  /** Roles on the case to notify (resolved when the level fires). */
  notify: string[];
}

/** A transition as written: a target shorthand, one transition, or several tried in order. */
export type TransitionSpec = string | TransitionConfig | Array<string | TransitionConfig>;

export interface TransitionConfig {
  target: string;
  guard?: GuardRef;
  description?: string;
  meta?: TransitionMeta;
}

/** A named guard from the guard catalogue, with optional parameters. */
export type GuardRef = string | { type: string; params?: Record<string, unknown> };

export interface TransitionMeta {
  /** Label for the action, e.g. "Gå vidare till Mål". */
  title?: LocalizedText;
  /** Rule sets (ids of files in `rules/`) that must all pass before the transition is taken. */
  gate?: string[];
}
