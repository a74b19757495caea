import { getStateNodes, initialTransition, transition, type StateValue } from 'xstate';
import type { CompiledWorkflow, StepInfo, TransitionInfo } from '../definitions/compile-workflow.js';
import { GUARD_CATALOGUE, type GuardEvent } from '../definitions/guard-catalogue.js';
import { own } from '../common/own.js';

/**
 * The case's position in its workflow, as stored (plain JSON in a `jsonb` column).
 * XState's own persisted snapshot, minus what we never use (children, history).
 */
export interface CaseState {
  value: StateValue;
  status: 'active' | 'done';
}

/** A command to the engine: the event as sent, before gates are known. */
export interface EngineEvent {
  type: string;
  comment?: string;
}

/** Why a candidate transition was not taken. */
export interface BlockedTransition {
  transition: TransitionInfo;
  /** Rule sets of its gate that did not pass. */
  failedRuleSets: string[];
  /** The named guard that said no, if any. */
  failedGuard?: string;
}

/** What one step of the engine decided. */
export type StepOutcome =
  | { kind: 'moved'; from: CaseState; to: CaseState; transition: TransitionInfo }
  | { kind: 'blocked'; blocked: BlockedTransition[] }
  | { kind: 'notAccepted'; accepted: string[] }
  | { kind: 'done' };

/** The state a new case starts in. Pure. */
export function initialCaseState(workflow: CompiledWorkflow): CaseState {
  const [snapshot] = initialTransition(workflow.machine);
  return toCaseState(snapshot.value, snapshot.status);
}

/**
 * Ids (dot paths) of every active state in document order (a parent before its children): `["followUp", "followUp.measure"]`.
 * Pure.
 */
export function activeStateIds(workflow: CompiledWorkflow, state: CaseState): string[] {
  // XState lists a parallel state's ancestors once per region; we want each once, in document order.
  const active = new Set(
    getStateNodes(workflow.machine.root, state.value)
      .filter((node) => node !== workflow.machine.root)
      .map((node) => node.path.join('.')),
  );
  return [...workflow.steps.keys()].filter((id) => active.has(id));
}

/** The active steps with their titles, outermost first. Pure. */
export function activeSteps(workflow: CompiledWorkflow, state: CaseState): StepInfo[] {
  return activeStateIds(workflow, state).map((id) => workflow.steps.get(id)!);
}

/**
 * The transitions that could handle `eventType` now, innermost state first (XState's order).
 * Each may still be refused by its gate or guard. Pure.
 */
export function candidateTransitions(workflow: CompiledWorkflow, state: CaseState, eventType?: string): TransitionInfo[] {
  if (state.status === 'done') return [];
  const active = activeStateIds(workflow, state);
  // Innermost first, as XState tries them: a child's transition wins over its parent's.
  const ordered = [...active].sort((a, b) => b.split('.').length - a.split('.').length);
  return ordered.flatMap((id) => (workflow.transitions.get(id) ?? []).filter((t) => eventType === undefined || t.event === eventType));
}

/** The rule sets whose verdict the engine needs before it can decide on `eventType`. Pure. */
export function gateRuleSetsFor(candidates: readonly TransitionInfo[]): string[] {
  return [...new Set(candidates.flatMap((t) => t.gate))];
}

/**
 * Decides one step: runs XState's pure `transition()` on the stored state with the gate verdicts
 * on the event, and says what happened and, if nothing did, why.
 *
 * Pure: no I/O, no clock. The verdicts are computed by the caller (rules are asynchronous, XState
 * guards are not).
 *
 * @param gates rule set id → passed, for at least every rule set of the candidate transitions
 */
export function step(workflow: CompiledWorkflow, state: CaseState, event: EngineEvent, gates: Record<string, boolean>): StepOutcome {
  if (state.status === 'done') return { kind: 'done' };
  const candidates = candidateTransitions(workflow, state, event.type);
  if (candidates.length === 0) {
    return { kind: 'notAccepted', accepted: [...new Set(candidateTransitions(workflow, state).map((t) => t.event))] };
  }
  const snapshot = workflow.machine.resolveState({ value: state.value, context: {} });
  const guardEvent: GuardEvent = { ...event, gates };
  const [next] = transition(workflow.machine, snapshot, guardEvent);
  if (next === snapshot) {
    return { kind: 'blocked', blocked: candidates.map((t) => explainBlocked(t, guardEvent)) };
  }
  const to = toCaseState(next.value, next.status);
  const taken = candidates.find((t) => passes(t, guardEvent)) ?? candidates[0]!;
  return { kind: 'moved', from: state, to, transition: taken };
}

function passes(t: TransitionInfo, event: GuardEvent): boolean {
  const why = explainBlocked(t, event);
  return why.failedRuleSets.length === 0 && why.failedGuard === undefined;
}

function explainBlocked(t: TransitionInfo, event: GuardEvent): BlockedTransition {
  const failedRuleSets = t.gate.filter((id) => event.gates?.[id] !== true);
  const guard = t.guard && !own(GUARD_CATALOGUE, t.guard.type)?.check(event, t.guard.params) ? t.guard.type : undefined;
  return { transition: t, failedRuleSets, ...(guard ? { failedGuard: guard } : {}) };
}

function toCaseState(value: StateValue, status: string): CaseState {
  return { value, status: status === 'done' ? 'done' : 'active' };
}
