import type { CaseAccess } from '../../access';
import type { Schema } from '../../api';
import { to } from '../../router';
import { ACTION_PATHS, actionsOf } from '../actions/paths';
import { CASE_FIELD_PATHS } from '../case-fields/paths';
import { DECISION_POINT_PATHS } from '../decision-points/paths';
import { DOCUMENT_PATHS } from '../documents/paths';
import { GOAL_PATHS, goalsOf } from '../goals/paths';
import { PARTY_PATHS, partiesOf } from '../parties/paths';
import { RESOURCE_PATHS } from '../resources/paths';

/** A task of a gate's task list (`GET /cases/{id}/gates` → `gates[].tasks`). */
export type CaseTask = Schema<'CaseTaskDto'>;
export type TaskKind = CaseTask['kind'];

/**
 * Which of the service's two rules a kind of task needs (web/src/access.ts, src/access/policy.ts):
 * running the case (parties, roles, fields, decision points, goals, the action plan), or
 * contributing to it (documents, signatures, board decisions, measurements, resources).
 */
const RULE: Record<TaskKind, 'runsCase' | 'contributes' | null> = {
  addParty: 'runsCase',
  describeBenefit: 'runsCase',
  assignRole: 'runsCase',
  setUpChairRotation: 'runsCase',
  setField: 'runsCase',
  registerDocument: 'contributes',
  signDocument: 'contributes',
  setUpDecisionPoint: 'runsCase',
  recordDecision: 'contributes',
  addGoal: 'runsCase',
  completeGoal: 'runsCase',
  recordMeasurement: 'contributes',
  commitResource: 'contributes',
  planAction: 'runsCase',
  updateAction: 'runsCase',
  other: null,
};

/** The id of the board-decision form of a decision point in the case page's decisions area (case-decisions.tsx). */
export const recordFormId = (decisionPoint: string) => `rec-${decisionPoint}`;

/**
 * The address of exactly the form that satisfies a task, with what it is about chosen beforehand
 * (`?role=…&org=…`, `?field=…`, `?kind=…`, `?key=…`, `?board=…`); null for a task no form does
 * (`other`: its message says what). Pure.
 */
export function taskHref(caseId: string, task: CaseTask): string | null {
  const id = caseId;
  const kind = task.documentKinds?.[0]?.key;
  switch (task.kind) {
    case 'addParty':
      return to(PARTY_PATHS.add, { id });
    case 'describeBenefit':
      return task.party ? to(PARTY_PATHS.change, { id, org: task.party.id }) : partiesOf(id);
    case 'assignRole':
      return to(PARTY_PATHS.assignRole, { id }, { role: task.role?.key, org: task.party?.id });
    case 'setUpChairRotation':
      return to(PARTY_PATHS.rotation, { id });
    case 'setField':
      return to(CASE_FIELD_PATHS.change, { id }, { field: task.fields?.[0]?.key });
    case 'registerDocument':
      return to(DOCUMENT_PATHS.add, { id }, { kind });
    case 'signDocument': {
      // A document to sign, else register one first (the service lists the ones that can be signed).
      const documentId = task.documents?.[0];
      return documentId ? to(DOCUMENT_PATHS.sign, { id, documentId }, { org: task.party?.id }) : to(DOCUMENT_PATHS.add, { id }, { kind });
    }
    case 'setUpDecisionPoint':
      return to(DECISION_POINT_PATHS.add, { id }, { key: task.decisionPoint });
    case 'recordDecision':
      return task.decisionPoint ? to('/cases/:id', { id }, { board: task.board?.id }, recordFormId(task.decisionPoint)) : null;
    case 'addGoal':
      return to(GOAL_PATHS.add, { id });
    case 'completeGoal':
      return task.goal?.id ? to(GOAL_PATHS.change, { id, goalId: task.goal.id }) : goalsOf(id);
    case 'recordMeasurement':
      return task.goal?.id ? to(GOAL_PATHS.measure, { id, goalId: task.goal.id }) : goalsOf(id);
    case 'commitResource':
      return to(RESOURCE_PATHS.add, { id });
    case 'planAction':
      return to(ACTION_PATHS.add, { id });
    case 'updateAction':
      return task.action?.id ? to(ACTION_PATHS.change, { id, actionId: task.action.id }) : actionsOf(id);
    case 'other':
      return null;
  }
}

/**
 * Whether the signed-in person can do the task now: it is not done, not waiting for time or
 * another party, their organisation owes it, and they hold a role that lets them use its form.
 */
export function canDo(task: CaseTask, access: CaseAccess): boolean {
  if (task.status === 'done' || task.status === 'waitingForOthers' || !task.mine) return false;
  const rule = RULE[task.kind];
  if (rule === null) return false;
  if (rule === 'runsCase') return access.runsCase;
  return access.runsCase || task.owedBy.some((o) => access.contributesFor.includes(o.id)) || (access.contributes && task.owedBy.length === 0);
}
