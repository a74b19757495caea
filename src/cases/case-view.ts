import type { ActorOnCase } from '../access/actor.js';
import type { Language } from '../common/i18n.js';
import { maySend } from '../access/policy.js';
import type { CompiledWorkflow, StepInfo } from '../definitions/compile-workflow.js';
import type { Sla } from '../definitions/workflow-types.js';
import type { OpenDeadline } from '../deadlines/deadline-queries.js';
import type { GateFailure, GateResult } from '../rules/gate-evaluator.js';
import { documentKindsOf, type FieldType, type Vocabulary } from '../rules/vocabulary.js';
import { activeSteps, candidateTransitions } from './case-engine.js';
import { toTaskView, type TaskView } from './task-view.js';
import type { CaseRecord } from './case.entity.js';

/** A step as the API shows it, in the caller's language. */
export interface StepView {
  id: string;
  title: string;
  description?: string;
}

/** An event the caller may send now. */
export interface AllowedEventView {
  type: string;
  title?: string;
  target: StepView;
  /** Rule sets that must pass; see `GET /cases/:id/gate?event=…`. */
  gate: string[];
}

/** The deadline of a step the case is in. */
export interface DeadlineView {
  step: StepView;
  enteredAt: string;
  sla: Sla;
  /** The SLA's last day (Swedish calendar). */
  dueOn: string;
  /** The instant the deadline passes. */
  dueAt: string;
  overdue: boolean;
  /** Whole working days left (0 on the last day); negative: whole working days late. */
  workingDaysLeft: number;
}

/** A case field the workflow declares, with its value on the case, in the caller's language. */
export interface DeclaredFieldView {
  key: string;
  type: FieldType;
  label: string;
  help?: string;
  /** The value recorded, or null while the field is empty. */
  value: string | number | boolean | null;
}

/** A kind of document, in the caller's language. */
export interface DocumentKindView {
  key: string;
  label: string;
  help?: string;
  /** Whether the workflow declares it (its gates or forms use it); the others have their default label. */
  declared: boolean;
}

/** The case as the API returns it. */
export interface CaseView {
  id: string;
  title: string;
  workflow: { id: string; version: number; title: string };
  status: 'active' | 'closed';
  state: { value: unknown; steps: StepView[]; enteredAt: string };
  /** One per step the case is in that has an SLA. */
  deadlines: DeadlineView[];
  allowedEvents: AllowedEventView[];
  fields: Record<string, unknown>;
  /** The fields the workflow declares, in its order, with label, help and value: what a form shows. */
  declaredFields: DeclaredFieldView[];
  /** Every kind a document can have: those the workflow declares first (with its label and help), then the rest. */
  documentKinds: DocumentKindView[];
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: { person: string; organisation: string };
}

/** A line of a case list. */
export interface CaseSummaryView {
  id: string;
  title: string;
  workflow: { id: string; version: number };
  status: 'active' | 'closed';
  steps: StepView[];
  version: number;
  updatedAt: string;
}

/** A failing gate condition, in the caller's language. */
export interface GateFailureView {
  ruleSet: string | null;
  rule: string;
  message: string;
  responsible?: string;
  facts: Record<string, unknown>;
  /** What would satisfy it (its status as the facts say; `GET /cases/{id}/gates` says it for the caller). */
  task: TaskView;
}

/**
 * Maps a case to its API view. Pure. `actor` decides which events are listed as allowed;
 * `deadlines` are the case's open deadlines as they stand now.
 */
export function toCaseView(record: CaseRecord, workflow: CompiledWorkflow, lang: Language, actor: ActorOnCase, deadlines: readonly OpenDeadline[]): CaseView {
  return {
    id: record.id,
    title: record.title,
    workflow: { id: workflow.id, version: workflow.version, title: workflow.title[lang] },
    status: record.status,
    state: {
      value: record.state.value,
      steps: activeSteps(workflow, record.state).map((s) => toStepView(s, lang)),
      enteredAt: record.stateEnteredAt.toISOString(),
    },
    deadlines: deadlines.map((d) => ({
      // A deadline's state is a state of the case's own (pinned) workflow version.
      step: toStepView(workflow.steps.get(d.stateId)!, lang),
      enteredAt: d.enteredAt.toISOString(),
      sla: d.sla,
      dueOn: d.dueOn,
      dueAt: d.dueAt.toISOString(),
      overdue: d.overdue,
      workingDaysLeft: d.workingDaysLeft,
    })),
    allowedEvents: allowedEvents(record, workflow, lang, actor),
    fields: record.fields,
    declaredFields: declaredFields(workflow.vocabulary, record.fields, lang),
    documentKinds: documentKinds(workflow.vocabulary, lang),
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    createdBy: { person: record.createdByPerson, organisation: record.createdByOrganisation },
  };
}

/** The declared fields with their values, in the caller's language. Pure. */
export function declaredFields(vocabulary: Vocabulary, values: Readonly<Record<string, unknown>>, lang: Language): DeclaredFieldView[] {
  return Object.entries(vocabulary.fields).map(([key, f]) => {
    const value = Object.hasOwn(values, key) ? values[key] : null;
    return {
      key,
      type: f.type,
      label: f.label[lang],
      ...(f.help ? { help: f.help[lang] } : {}),
      value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null,
    };
  });
}

/** The document kinds, declared ones first, in the caller's language. Pure. */
export function documentKinds(vocabulary: Vocabulary, lang: Language): DocumentKindView[] {
  return documentKindsOf(vocabulary).map((k) => ({ key: k.key, label: k.label[lang], ...(k.help ? { help: k.help[lang] } : {}), declared: k.declared }));
}

/** Maps a case to a list line. Pure. */
export function toCaseSummary(record: CaseRecord, workflow: CompiledWorkflow, lang: Language): CaseSummaryView {
  return {
    id: record.id,
    title: record.title,
    workflow: { id: record.workflowId, version: record.workflowVersion },
    status: record.status,
    steps: activeSteps(workflow, record.state).map((s) => toStepView(s, lang)),
    version: record.version,
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function toStepView(step: StepInfo, lang: Language): StepView {
  return { id: step.id, title: step.title[lang], ...(step.description ? { description: step.description[lang] } : {}) };
}

export function toGateFailureView(failure: GateFailure, lang: Language): GateFailureView {
  return {
    ruleSet: failure.ruleSet,
    rule: failure.rule,
    message: failure.message[lang],
    ...(failure.responsible ? { responsible: failure.responsible } : {}),
    facts: failure.facts,
    task: toTaskView(failure.task, lang, failure.message[lang]),
  };
}

/** A gate verdict in the caller's language (the failures with their tasks; the conditions met are left out). */
export function toGateView(event: string, result: GateResult, lang: Language) {
  return { event, passed: result.passed, ruleSets: result.ruleSets, failures: result.failures.map((f) => toGateFailureView(f, lang)) };
}

function allowedEvents(record: CaseRecord, workflow: CompiledWorkflow, lang: Language, actor: ActorOnCase): AllowedEventView[] {
  const seen = new Set<string>();
  const out: AllowedEventView[] = [];
  for (const t of candidateTransitions(workflow, record.state)) {
    const key = `${t.event}->${t.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!maySend(actor, workflow, [t])) continue;
    out.push({
      type: t.event,
      ...(t.title ? { title: t.title[lang] } : {}),
      target: toStepView(workflow.steps.get(t.target)!, lang),
      gate: t.gate,
    });
  }
  return out;
}
