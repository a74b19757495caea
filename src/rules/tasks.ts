import type { LocalizedText } from '../common/i18n.js';
import { own } from '../common/own.js';
import { FACT_CATALOGUE, type FactInfo } from './fact-catalogue.js';
import { factKey, type FactValues } from './fact-key.js';
import type { ConditionNode, RuleCondition } from './rule-set-types.js';
import type { FactTask, TaskKind, TaskStatus } from './task-kinds.js';
import { labelOf, type Vocabulary } from './vocabulary.js';

/** A board a decision task is about, as the decision facts list it. */
export interface BoardInTask {
  id: string;
  /** "Alvesta kommun – socialnämnden". */
  label: string;
  organisation: string;
  /** Its decision's status (`none` when it has none). */
  status?: string;
  /** Word positions in the reference text where its decision differs ("14–16"). */
  words?: string;
  /** The reference's words its decision lacks, and those it has in their place. */
  missingWords?: string;
  extraWords?: string;
  /** The first day its decision can be final, when known. */
  finalFrom?: string | null;
}

/** A party a task is about, by its registry id and name. */
export interface PartyInTask {
  organisation: string;
  label: string;
}

/**
 * What would satisfy a gate condition: the kind of task, where it stands, and what it is about (a
 * field and its label, the document kinds, the role, the decision point and its boards, the party,
 * the goal or action). Language-free apart from the labels, which come in every language; the
 * views word it (src/cases/task-view.ts). Derived from the facts the condition uses, by the `task`
 * each fact of the catalogue declares.
 */
export interface GateTask {
  kind: TaskKind;
  /**
   * Where it stands, from the facts: `done` for a condition that holds; else as the fact says
   * (`inProgress` when there is some but not enough, `waitingForOthers` while an appeal period runs).
   */
  status: TaskStatus;
  /** The fact the task comes from, or null (a named guard). */
  fact: string | null;
  /** setField: the field(s) to fill in. */
  fields?: Array<{ key: string; label: LocalizedText }>;
  /** registerDocument, signDocument: the kind(s) of document. */
  documentKinds?: Array<{ key: string; label: LocalizedText }>;
  /** With several fields or kinds: whether one of them will do (the condition is an `any`). */
  anyOf?: boolean;
  /** assignRole: the role on the case. */
  role?: string;
  /** addParty: the responsibility a party is wanted for. */
  responsibility?: 'leads' | 'decides' | 'contributes';
  /** addGoal: the Kolada KPI a goal must be followed with. */
  kpi?: string;
  /** setUpDecisionPoint, recordDecision: the decision point's key. */
  decisionPoint?: string;
  /** The party the task is about (one that must sign, commit, state its benefit, …). */
  party?: PartyInTask;
  /** recordDecision: the board this line is about. */
  board?: BoardInTask;
  /**
   * recordDecision, for a condition explained as a whole (no `each`): every board the fact lists
   * now (missing, differing or not final). A condition with `each` has a task per board instead.
   */
  boards?: BoardInTask[];
  /** signDocument, for a condition explained as a whole: every party that still has to sign (with `each`: a task per party). */
  signers?: PartyInTask[];
  /** signDocument: the documents (ids) of the kind that can be signed; confidential ones are not listed. */
  documents?: string[];
  /** completeGoal, recordMeasurement: the goal. */
  goal?: { id: string | null; title: string };
  /** updateAction: the action. */
  action?: { id: string | null; title: string };
  /** completeGoal, updateAction: what it lacks. */
  missing?: LocalizedText;
}

/** A leaf comparison of a condition, and whether a `not` is above it. */
interface Leaf {
  node: ConditionNode & { fact: string };
  negated: boolean;
}

const COUNTING = new Set(['greaterThan', 'greaterThanInclusive', 'hasAtLeast']);

/**
 * The task that would satisfy a condition, derived from the facts it uses: the kind their
 * catalogue entries declare (`other` when its comparisons ask for different kinds, or one is under
 * a `not`), its status, and what it is about, from the condition, the fact values, the item a line
 * explains, and the workflow's labels. `met`: the condition holds (status `done`). Pure.
 */
export function taskOf(condition: RuleCondition, values: FactValues, vocabulary: Vocabulary, item?: Record<string, unknown>, met = false): GateTask {
  const leaves = leavesOf(condition.when);
  const infos = leaves.map((l) => own(FACT_CATALOGUE, l.node.fact));
  const first = leaves[0];
  const info = infos[0];
  if (!first || !info || infos.some((i) => !i || i.task.kind !== info.task.kind) || leaves.some((l) => l.negated)) {
    return { kind: 'other', status: met ? 'done' : 'notStarted', fact: first?.node.fact ?? null };
  }
  const task: GateTask = { kind: info.task.kind, status: met ? 'done' : statusOf(info.task, leaves, values, item), fact: condition.each ?? first.node.fact };
  const fields = keysNamed(leaves, 'field');
  const kinds = [...keysNamed(leaves, 'documentKind'), ...leaves.flatMap((l) => own(FACT_CATALOGUE, l.node.fact)?.task.documentKinds ?? [])];
  if (fields.length) task.fields = unique(fields).map((key) => ({ key, label: labelOf(vocabulary, 'field', key) }));
  if (kinds.length) task.documentKinds = unique(kinds).map((key) => ({ key, label: labelOf(vocabulary, 'documentKind', key) }));
  if (unique(fields).length + unique(kinds).length > 1) task.anyOf = condition.when.any !== undefined || (info.task.documentKinds?.length ?? 0) > 1;
  const value = typeof first.node.value === 'string' ? first.node.value : undefined;
  const role = info.task.role ?? (info.task.value === 'role' ? value : undefined) ?? text(item?.role);
  if (role) task.role = role;
  if (info.task.responsibility) task.responsibility = info.task.responsibility;
  if (info.task.value === 'kpi' && value) task.kpi = value;
  const point = leaves.map((l) => l.node.params?.decisionPoint).find((p): p is string => typeof p === 'string');
  if (point) task.decisionPoint = point;
  if (item) describeItem(task, item);
  // The whole list only where no line per item says it: a list on every line of a 311-board gate
  // would make the explanation grow with the square of the boards.
  const listed = item || met ? undefined : values.get(factKey(first.node.fact, first.node.params));
  if (task.kind === 'recordDecision' && Array.isArray(listed))
    task.boards = listed
      .filter(isObject)
      .map(boardOf)
      .filter((b): b is BoardInTask => !!b);
  if (task.kind === 'signDocument' && Array.isArray(listed))
    task.signers = listed
      .filter(isObject)
      .map(partyOf)
      .filter((p): p is PartyInTask => !!p);
  return task;
}

/** The status of an unmet condition: as the fact declares it, by the item's status, or in progress when some but not enough are there. */
function statusOf(declared: FactTask, leaves: Leaf[], values: FactValues, item: Record<string, unknown> | undefined): TaskStatus {
  const base =
    typeof declared.status === 'string' ? declared.status : (own(declared.status.byItemStatus, text(item?.status) ?? '') ?? declared.status.otherwise);
  if (base !== 'notStarted') return base;
  const some = leaves.some((l) => {
    if (!COUNTING.has(String(l.node.operator))) return false;
    const v = values.get(factKey(l.node.fact, l.node.params));
    return (typeof v === 'number' && v > 0) || (Array.isArray(v) && v.length > 0);
  });
  return some ? 'inProgress' : base;
}

/** What the item a line explains says the task is about: its party, board, goal or action, what it lacks, its documents. */
function describeItem(task: GateTask, item: Record<string, unknown>): void {
  const board = boardOf(item);
  if (board) task.board = board;
  else {
    const party = partyOf(item);
    if (party) task.party = party;
  }
  const label = text(item.label) ?? '';
  if (typeof item.goal === 'string') task.goal = { id: item.goal, title: label };
  else if (task.kind === 'completeGoal' || task.kind === 'recordMeasurement') task.goal = { id: null, title: label };
  if (typeof item.action === 'string') task.action = { id: item.action, title: label };
  else if (task.kind === 'updateAction') task.action = { id: null, title: label };
  if (typeof item.missing === 'string') task.missing = { sv: item.missing, en: text(item.missingEn) ?? item.missing };
  if (Array.isArray(item.documents)) task.documents = item.documents.filter((d): d is string => typeof d === 'string');
}

function boardOf(item: Record<string, unknown>): BoardInTask | undefined {
  if (typeof item.board !== 'string' || typeof item.organisation !== 'string') return undefined;
  const optional = (key: 'status' | 'words' | 'missingWords' | 'extraWords') => (typeof item[key] === 'string' ? { [key]: item[key] as string } : {});
  return {
    id: item.board,
    label: text(item.label) ?? '',
    organisation: item.organisation,
    ...optional('status'),
    ...optional('words'),
    ...optional('missingWords'),
    ...optional('extraWords'),
    ...('finalFrom' in item ? { finalFrom: typeof item.finalFrom === 'string' ? item.finalFrom : null } : {}),
  };
}

function partyOf(item: Record<string, unknown>): PartyInTask | undefined {
  return typeof item.organisation === 'string' && item.organisation ? { organisation: item.organisation, label: text(item.label) ?? '' } : undefined;
}

/** The keys of fields or document kinds the comparisons name (in `value`, or in a parameter). */
function keysNamed(leaves: Leaf[], kind: 'field' | 'documentKind'): string[] {
  const out: string[] = [];
  for (const { node } of leaves) {
    const info: FactInfo | undefined = own(FACT_CATALOGUE, node.fact);
    if (info?.names === kind && node.path === undefined) {
      if (typeof node.value === 'string') out.push(node.value);
      else if (Array.isArray(node.value)) out.push(...node.value.filter((v): v is string => typeof v === 'string'));
    }
    for (const [param, named] of Object.entries(info?.paramNames ?? {})) {
      const given = node.params?.[param];
      if (named === kind && typeof given === 'string') out.push(given);
    }
  }
  return out;
}

function leavesOf(node: ConditionNode, negated = false): Leaf[] {
  if (node.all) return node.all.flatMap((n) => leavesOf(n, negated));
  if (node.any) return node.any.flatMap((n) => leavesOf(n, negated));
  if (node.not) return leavesOf(node.not, !negated);
  return typeof node.fact === 'string' ? [{ node: node as ConditionNode & { fact: string }, negated }] : [];
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
