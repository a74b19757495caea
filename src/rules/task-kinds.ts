/**
 * What a person does to satisfy a gate condition: the kinds of task. Each fact of the catalogue
 * says which kind of task its conditions ask for (`task` in `FACT_CATALOGUE`), so that a gate
 * explanation can say not only what is missing but what would satisfy it, and a web page can link
 * to the form that does it. docs/facts.md lists them.
 */
export const TASK_KINDS = [
  /** Add a party (or say which parties lead, decide or contribute). */
  'addParty',
  /** Describe what the collaboration gives a party (vinn-vinn). */
  'describeBenefit',
  /** Appoint someone to a role on the case. */
  'assignRole',
  /** Set up the rotating chair. */
  'setUpChairRotation',
  /** Fill in a case field. */
  'setField',
  /** Register a document of a kind. */
  'registerDocument',
  /** Record a party's signature on (endorsement of) a document. */
  'signDocument',
  /** Set up a decision point with its reference text and the boards that decide. */
  'setUpDecisionPoint',
  /** Record (or correct) a board's decision at a decision point. */
  'recordDecision',
  /** Add a goal. */
  'addGoal',
  /** Complete a goal: indicator, baseline, target, target date. */
  'completeGoal',
  /** Record a measurement of a goal. */
  'recordMeasurement',
  /** A party commits resources. */
  'commitResource',
  /** Add actions to the action plan. */
  'planAction',
  /** Change an action: responsible party, date, subgroup, status. */
  'updateAction',
  /** Anything else: the condition's message says what. */
  'other',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/**
 * Where a task stands, in the words of the GOV.UK task list pattern: not started, in progress
 * (something is there but not enough), waiting for others (nothing the caller's organisation can
 * do now: another party owes it, or time must pass, as an appeal period), done.
 */
export const TASK_STATUSES = ['notStarted', 'inProgress', 'waitingForOthers', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A status of an unmet condition: fixed, or by the `status` of the item it explains. */
export type FactTaskStatus =
  | Exclude<TaskStatus, 'done'>
  | { byItemStatus: Readonly<Record<string, Exclude<TaskStatus, 'done'>>>; otherwise: Exclude<TaskStatus, 'done'> };

/**
 * How a condition on a fact becomes a task when it does not hold: required of every fact of the
 * catalogue (a unit test fails for a fact without one).
 */
export interface FactTask {
  kind: TaskKind;
  /**
   * Its status while the condition does not hold. A condition asking for at least some number
   * (`greaterThanInclusive`, `hasAtLeast`) is in progress when there is some but not enough.
   */
  status: FactTaskStatus;
  /** What the condition's `value` names besides fields and document kinds (those: `names`): a role, a Kolada KPI. */
  value?: 'role' | 'kpi';
  /** The role the fact is about (`currentChair`: the chair). */
  role?: string;
  /** The responsibility a party is wanted for (`decidingParties`: decides). */
  responsibility?: 'leads' | 'decides' | 'contributes';
  /** The document kinds the fact is about, when fixed (`unsignedParties`: the agreement or declaration of intent). */
  documentKinds?: readonly string[];
}
