import type { Language } from '../common/i18n.js';
import type { BoardInTask, GateTask } from '../rules/tasks.js';
import type { TaskKind, TaskStatus } from '../rules/task-kinds.js';
import { dateInWords, DECISION_STATUS_WORDS, roleTitle, TASK_STATUS_WORDS, wordOf } from './domain-words.js';

/** A board of a decision task, in the caller's language. */
export interface TaskBoardView {
  id: string;
  /** "Alvesta kommun – socialnämnden". */
  label: string;
  organisation: string;
  /** Its decision's status, as stored (`none`, `decided`, …) and in words. */
  status?: string;
  statusText?: string;
  /** Word positions in the reference text where its decision differs ("14–16"). */
  words?: string;
  /** The reference's words its decision lacks, and the words it has in their place. */
  missingWords?: string;
  extraWords?: string;
  /** The first day its decision can be final (YYYY-MM-DD), null when nobody knows (appealed). */
  finalFrom?: string | null;
}

/** What would satisfy a gate condition, in the caller's language: see docs/facts.md, "Tasks". */
export interface TaskView {
  kind: TaskKind;
  /** What to do, in words: "Fyll i "Plan för fortsättningen"". */
  title: string;
  status: TaskStatus;
  /** The status in words: "Ej påbörjad", "Pågår", "Väntar på annan part", "Klar". */
  statusText: string;
  /** The fact the task comes from (null for a guard). */
  fact: string | null;
  /** setField: the field(s) by key and label. */
  fields?: Array<{ key: string; label: string }>;
  /** registerDocument, signDocument: the kind(s) by key and label. */
  documentKinds?: Array<{ key: string; label: string }>;
  /** Several fields or kinds, any one of which will do. */
  anyOf?: boolean;
  /** assignRole: the role and what it is called. */
  role?: { key: string; title: string };
  /** addParty: the responsibility a party is wanted for (`leads`, `decides`, `contributes`). */
  responsibility?: string;
  /** addGoal: the Kolada KPI. */
  kpi?: string;
  /** setUpDecisionPoint, recordDecision: the decision point's key. */
  decisionPoint?: string;
  /** The party the task is about. */
  party?: { id: string; name: string };
  /** recordDecision: the board this line is about. */
  board?: TaskBoardView;
  /** recordDecision for a condition explained as a whole: every board still missing, differing or not final (with `each`, a task per board). */
  boards?: TaskBoardView[];
  /** signDocument for a condition explained as a whole: every party that still has to sign (with `each`, a task per party). */
  signers?: Array<{ id: string; name: string }>;
  /** signDocument: the documents (ids) that can be signed. */
  documents?: string[];
  goal?: { id: string | null; title: string };
  action?: { id: string | null; title: string };
  /** What a goal or action lacks, in words. */
  missing?: string;
}

/**
 * A task in the caller's language: its title in words (labels, names, never keys), its status in
 * words, and what it is about. `status` overrides the task's own (the gates view says "waiting for
 * others" for a task another organisation owes); `otherwise` is the title of a task of kind
 * `other` (the condition's message). Pure.
 */
export function toTaskView(task: GateTask, lang: Language, otherwise: string, status: TaskStatus = task.status): TaskView {
  return {
    kind: task.kind,
    title: titleOf(task, lang, otherwise),
    status,
    statusText: TASK_STATUS_WORDS[status][lang],
    fact: task.fact,
    ...(task.fields ? { fields: task.fields.map((f) => ({ key: f.key, label: f.label[lang] })) } : {}),
    ...(task.documentKinds ? { documentKinds: task.documentKinds.map((k) => ({ key: k.key, label: k.label[lang] })) } : {}),
    ...(task.anyOf !== undefined ? { anyOf: task.anyOf } : {}),
    ...(task.role ? { role: { key: task.role, title: roleTitle(task.role, lang) } } : {}),
    ...(task.responsibility ? { responsibility: task.responsibility } : {}),
    ...(task.kpi ? { kpi: task.kpi } : {}),
    ...(task.decisionPoint ? { decisionPoint: task.decisionPoint } : {}),
    ...(task.party ? { party: { id: task.party.organisation, name: task.party.label } } : {}),
    ...(task.board ? { board: boardView(task.board, lang) } : {}),
    ...(task.boards ? { boards: task.boards.map((b) => boardView(b, lang)) } : {}),
    ...(task.signers ? { signers: task.signers.map((p) => ({ id: p.organisation, name: p.label })) } : {}),
    ...(task.documents ? { documents: task.documents } : {}),
    ...(task.goal ? { goal: task.goal } : {}),
    ...(task.action ? { action: task.action } : {}),
    ...(task.missing ? { missing: task.missing[lang] } : {}),
  };
}

function boardView(b: BoardInTask, lang: Language): TaskBoardView {
  return { ...b, ...(b.status ? { statusText: wordOf(DECISION_STATUS_WORDS, b.status, lang) } : {}) };
}

const quoted = (labels: string[], lang: Language, anyOf: boolean | undefined) =>
  labels.map((l) => `"${l}"`).join(anyOf ? (lang === 'sv' ? ' eller ' : ' or ') : lang === 'sv' ? ' och ' : ' and ');

/** What to do, in words, from the kind of task and what it is about. */
function titleOf(task: GateTask, lang: Language, otherwise: string): string {
  const sv = lang === 'sv';
  const party = task.party?.label;
  const fields = quoted(
    (task.fields ?? []).map((f) => f.label[lang]),
    lang,
    task.anyOf,
  );
  const kinds = quoted(
    (task.documentKinds ?? []).map((k) => k.label[lang]),
    lang,
    task.anyOf,
  );
  const board = task.board?.label;
  const goal = task.goal?.title;
  const action = task.action?.title;
  const missing = task.missing?.[lang];
  switch (task.kind) {
    case 'addParty':
      switch (task.responsibility) {
        case 'leads':
          return sv ? 'Ange vilken part som leder' : 'Name the party that leads';
        case 'decides':
          return sv ? 'Ange vilka parter som beslutar' : 'Name the parties that decide';
        case 'contributes':
          return sv ? 'Ange vilka parter som bidrar' : 'Name the parties that contribute';
        default:
          return sv ? 'Lägg till parter' : 'Add parties';
      }
    case 'describeBenefit':
      return party
        ? sv
          ? `Beskriv vad samverkan ger ${party}`
          : `Describe what the collaboration gives ${party}`
        : sv
          ? 'Beskriv vad samverkan ger varje part'
          : 'Describe what the collaboration gives each party';
    case 'assignRole': {
      const role = task.role ? roleTitle(task.role, lang) : sv ? 'roller' : 'roles';
      const name = sv ? role.toLocaleLowerCase('sv-SE') : role.toLowerCase();
      return party ? (sv ? `Utse ${name} för ${party}` : `Appoint the ${name} for ${party}`) : sv ? `Utse ${name}` : `Appoint the ${name}`;
    }
    case 'setUpChairRotation':
      return sv ? 'Inrätta ett roterande ordförandeskap' : 'Set up a rotating chair';
    case 'setField':
      return sv ? `Fyll i ${fields}` : `Fill in ${fields}`;
    case 'registerDocument':
      return sv ? `Registrera dokumentet ${kinds}` : `Register the document ${kinds}`;
    case 'signDocument':
      if (party) return sv ? `${party} skriver under ${kinds}` : `${party} signs ${kinds}`;
      return sv ? `Parterna skriver under ${kinds}` : `The parties sign ${kinds}`;
    case 'setUpDecisionPoint':
      return sv
        ? 'Lägg upp beslutspunkten med referenstext och de nämnder som ska besluta'
        : 'Set up the decision point with its reference text and the boards that decide';
    case 'recordDecision':
      return decisionTitle(task, board, lang);
    case 'addGoal':
      if (party) return sv ? `Lägg till ett mål som mäts för ${party}` : `Add a goal measured for ${party}`;
      if (task.kpi) return sv ? `Lägg till ett mål som följs med Koladas nyckeltal ${task.kpi}` : `Add a goal followed with Kolada's KPI ${task.kpi}`;
      return sv ? 'Lägg till ett mål' : 'Add a goal';
    case 'completeGoal':
      if (!goal) return sv ? 'Komplettera målen' : 'Complete the goals';
      return sv ? `Komplettera målet "${goal}"${missing ? `: ${missing} saknas` : ''}` : `Complete the goal "${goal}"${missing ? `: ${missing} missing` : ''}`;
    case 'recordMeasurement':
      if (!goal) return sv ? 'Registrera mätvärden för målen' : 'Record measurements of the goals';
      if (task.fact === 'goalsOffTrack') return sv ? `Följ upp målet "${goal}": det ligger inte i fas` : `Follow up the goal "${goal}": it is off track`;
      return sv ? `Registrera ett mätvärde för målet "${goal}"` : `Record a measurement of the goal "${goal}"`;
    case 'commitResource':
      return party
        ? sv
          ? `${party} åtar sig resurser`
          : `${party} commits resources`
        : sv
          ? 'Varje bidragande part åtar sig resurser'
          : 'Every contributing party commits resources';
    case 'planAction':
      return sv ? 'Lägg till åtgärder i handlingsplanen' : 'Add actions to the action plan';
    case 'updateAction':
      return actionTitle(task.fact, action, missing, lang);
    case 'other':
      return otherwise;
  }
}

function decisionTitle(task: GateTask, board: string | undefined, lang: Language): string {
  const sv = lang === 'sv';
  if (!board) return sv ? 'Registrera nämndernas beslut' : "Record the boards' decisions";
  if (task.fact === 'decisionTextDifferences')
    return sv
      ? `Se över beslutstexten i ${board}: den skiljer sig från referenstexten`
      : `Check the decision text of ${board}: it differs from the reference text`;
  if (task.fact === 'decisionsNotFinal') {
    const status = task.board?.status;
    const from = task.board?.finalFrom ? dateInWords(task.board.finalFrom, lang) : undefined;
    if (status === 'announced')
      return sv
        ? `Beslutet i ${board} vinner laga kraft${from ? ` tidigast ${from}` : ''}`
        : `The decision of ${board} becomes final${from ? ` on ${from} at the earliest` : ''}`;
    if (status === 'appealed')
      return sv ? `Beslutet i ${board} är överklagat: vänta på domstolens avgörande` : `The decision of ${board} is appealed: wait for the court's ruling`;
    if (status && status !== 'none')
      return sv
        ? `Registrera justering och anslag av beslutet i ${board}`
        : `Record the approval of the minutes and the announcement of the decision of ${board}`;
  }
  return sv ? `Registrera beslutet i ${board}` : `Record the decision of ${board}`;
}

function actionTitle(fact: string | null, action: string | undefined, missing: string | undefined, lang: Language): string {
  const sv = lang === 'sv';
  if (fact === 'startedActionCount' || !action) return sv ? 'Påbörja en åtgärd' : 'Start an action';
  switch (fact) {
    case 'incompleteActions':
      return sv
        ? `Komplettera åtgärden "${action}"${missing ? `: ${missing} saknas` : ''}`
        : `Complete the action "${action}"${missing ? `: ${missing} missing` : ''}`;
    case 'actionsWithoutSubgroup':
      return sv ? `Ange en undergrupp av berörda parter för åtgärden "${action}"` : `Name a subgroup of the parties concerned for the action "${action}"`;
    case 'overdueActions':
      return sv ? `Slutför åtgärden "${action}" eller ändra dess datum` : `Finish the action "${action}" or change its date`;
    default:
      return sv ? `Ändra åtgärden "${action}"` : `Change the action "${action}"`;
  }
}
