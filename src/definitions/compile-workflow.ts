import { and, setup, type AnyStateMachine } from 'xstate';
import { canonicalJson, sha256 } from '../common/canonical-json.js';
import type { LocalizedText } from '../common/i18n.js';
import { GATE_GUARD, GUARD_CATALOGUE, type GuardEvent } from './guard-catalogue.js';
import type { RuleSetFile } from '../rules/rule-set-types.js';
import { vocabularyFrom, type Vocabulary } from '../rules/vocabulary.js';
import type { EventRoles, GuardRef, Sla, StateConfig, TransitionConfig, TransitionSpec, WorkflowFile } from './workflow-types.js';

/** A state of the workflow as the engine and the API show it. */
export interface StepInfo {
  /** Dot path, e.g. `goals` or `followUp.measure`. */
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  sla?: Sla;
  final: boolean;
  /** True for states with sub-states (the case is "in" them only through a child). */
  compound: boolean;
}

/** One outgoing transition of a state, normalised. */
export interface TransitionInfo {
  event: string;
  /** Dot path of the state that declares it. */
  source: string;
  /** Dot path of the target state. */
  target: string;
  gate: string[];
  guard?: { type: string; params?: Record<string, unknown> };
  title?: LocalizedText;
}

/** A workflow version ready to run: validated definition, pinned rule sets and the XState machine. */
export interface CompiledWorkflow {
  id: string;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  definition: WorkflowFile;
  /** The rule sets this version's gates use, pinned with it. */
  ruleSets: ReadonlyMap<string, RuleSetFile>;
  /** The case fields and document kinds the version declares (`meta.fields`, `meta.documentKinds`). */
  vocabulary: Vocabulary;
  machine: AnyStateMachine;
  steps: ReadonlyMap<string, StepInfo>;
  /** All transitions, keyed by the dot path of the state that declares them. */
  transitions: ReadonlyMap<string, TransitionInfo[]>;
  /** SHA-256 of the canonical workflow JSON. */
  hash: string;
  /** SHA-256 of the canonical pinned rule sets. */
  rulesHash: string;
}

/**
 * Turns a validated workflow file and its rule sets into a runnable {@link CompiledWorkflow}.
 *
 * Pure. The XState config is built key by key from the validated file (never passed through), so
 * our `meta` reaches XState only where it belongs. Every transition with a gate gets the internal
 * `gate` guard, which reads the verdicts put on the event before the transition is computed
 * (guards are synchronous; rules are not).
 *
 * @throws Error if the definition refers to a rule set not given (validation prevents this).
 */
export function compileWorkflow(definition: WorkflowFile, ruleSets: ReadonlyMap<string, RuleSetFile>): CompiledWorkflow {
  const steps = new Map<string, StepInfo>();
  const transitions = new Map<string, TransitionInfo[]>();
  const pinned = new Map<string, RuleSetFile>();

  const mapStates = (states: Record<string, StateConfig>, parentPath: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, state] of Object.entries(states)) {
      const path = [...parentPath, key];
      const id = path.join('.');
      steps.set(id, {
        id,
        title: state.meta.title,
        ...(state.meta.description ? { description: state.meta.description } : {}),
        ...(state.meta.sla ? { sla: state.meta.sla } : {}),
        final: state.type === 'final',
        compound: !!state.states,
      });
      const on: Record<string, unknown[]> = {};
      const infos: TransitionInfo[] = [];
      for (const [event, spec] of Object.entries(state.on ?? {})) {
        on[event] = normalise(spec).map((t) => {
          const info = transitionInfo(definition.id, event, path, t);
          for (const ruleSetId of info.gate) {
            const ruleSet = ruleSets.get(ruleSetId);
            if (!ruleSet) throw new Error(`workflow ${definition.id} v${definition.version}: rule set "${ruleSetId}" is not loaded`);
            pinned.set(ruleSetId, ruleSet);
          }
          infos.push(info);
          return {
            target: t.target,
            ...(t.meta ? { meta: t.meta } : {}),
            ...(guardOf(info) ? { guard: guardOf(info) } : {}),
          };
        });
      }
      transitions.set(id, infos);
      out[key] = {
        ...(state.type ? { type: state.type } : {}),
        ...(state.initial ? { initial: state.initial } : {}),
        ...(state.states ? { states: mapStates(state.states, path) } : {}),
        ...(Object.keys(on).length ? { on } : {}),
        meta: state.meta,
      };
    }
    return out;
  };

  const config = {
    id: definition.id,
    initial: definition.initial,
    context: {},
    states: mapStates(definition.states, []),
  };
  // The machine is built from data, so its static types are unknown to TypeScript: `AnyStateMachine`.
  const machine = setup({
    guards: {
      [GATE_GUARD]: ({ event }: { event: GuardEvent }, params: { ruleSets: string[] }) => params.ruleSets.every((id) => event.gates?.[id] === true),
      ...Object.fromEntries(
        Object.entries(GUARD_CATALOGUE).map(([name, info]) => [
          name,
          ({ event }: { event: GuardEvent }, params: Record<string, unknown> | undefined) => info.check(event, params),
        ]),
      ),
    },
  }).createMachine(config as never) as unknown as AnyStateMachine;

  const sortedRuleSets = [...pinned.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    id: definition.id,
    version: definition.version,
    title: definition.title,
    ...(definition.description ? { description: definition.description } : {}),
    definition,
    ruleSets: new Map(sortedRuleSets),
    vocabulary: vocabularyOf(definition),
    machine,
    steps,
    transitions,
    hash: sha256(canonicalJson(definition)),
    rulesHash: sha256(canonicalJson(Object.fromEntries(sortedRuleSets))),
  };
}

/** The case fields and document kinds a workflow file declares (none, for a file that declares none). Pure. */
export function vocabularyOf(definition: Pick<WorkflowFile, 'meta'>): Vocabulary {
  return vocabularyFrom(definition.meta?.fields, definition.meta?.documentKinds);
}

/**
 * The roles that may send `event` from the state at `path`: the nearest `meta.roles` naming the
 * event, from the state up to the workflow. Empty if none does.
 */
export function rolesFor(workflow: CompiledWorkflow, path: string, event: string): string[] {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const roles = stateAt(workflow.definition, parts.slice(0, n))?.meta.roles;
    if (roles?.[event]) return roles[event]!;
  }
  return workflow.definition.meta?.roles?.[event] ?? [];
}

function stateAt(definition: WorkflowFile, path: string[]): StateConfig | undefined {
  let states: Record<string, StateConfig> | undefined = definition.states;
  let state: StateConfig | undefined;
  for (const key of path) {
    state = states?.[key];
    states = state?.states;
  }
  return state;
}

function normalise(spec: TransitionSpec): TransitionConfig[] {
  const list = Array.isArray(spec) ? spec : [spec];
  return list.map((t) => (typeof t === 'string' ? { target: t } : t));
}

function transitionInfo(workflowId: string, event: string, sourcePath: string[], t: TransitionConfig): TransitionInfo {
  return {
    event,
    source: sourcePath.join('.'),
    target: resolveTargetPath(workflowId, sourcePath, t.target),
    gate: t.meta?.gate ?? [],
    ...(t.guard ? { guard: normaliseGuard(t.guard) } : {}),
    ...(t.meta?.title ? { title: t.meta.title } : {}),
  };
}

/** The dot path a target names, resolved as XState does (see the workflow validator). */
export function resolveTargetPath(workflowId: string, sourcePath: string[], target: string): string {
  if (target.startsWith('#')) return target.slice(1 + workflowId.length + 1);
  if (target.startsWith('.')) return [...sourcePath, ...target.slice(1).split('.')].join('.');
  return [...sourcePath.slice(0, -1), ...target.split('.')].join('.');
}

function normaliseGuard(guard: GuardRef): { type: string; params?: Record<string, unknown> } {
  return typeof guard === 'string' ? { type: guard } : guard;
}

function guardOf(info: TransitionInfo): unknown {
  const gate = info.gate.length ? { type: GATE_GUARD, params: { ruleSets: info.gate } } : undefined;
  if (gate && info.guard) return and([info.guard, gate] as never);
  return gate ?? info.guard;
}

/** Re-export for callers that only need the type of event roles. */
export type { EventRoles };
