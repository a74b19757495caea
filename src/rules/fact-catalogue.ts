import type { LocalizedText } from '../common/i18n.js';
import type { FactTask } from './task-kinds.js';
import type { NameKind } from './vocabulary.js';

/** The JSON type of a fact's value, used to check rule files against the facts they name. */
export type FactType = 'number' | 'boolean' | 'string' | 'string[]' | 'object' | 'object[]';

/** What a rule file may know about a fact: its name, type and meaning. No way to compute it. */
export interface FactInfo {
  type: FactType;
  description: LocalizedText;
  /** Parameters a condition must give (`params`), each a text, e.g. which decision point. */
  params?: Record<string, LocalizedText>;
  /** For lists of objects: the fields of an item, usable as `{{item.field}}` with `each`. */
  itemFields?: string[];
  /**
   * What a condition's `value` names, when it names something the workflow declares: a case field
   * (`filledFields` contains "continuationPlan") or a document kind (`documentKinds` contains
   * "agreement"). The workflow validator refuses a gate naming a field or kind its workflow does
   * not declare.
   */
  names?: NameKind;
  /** Parameters that name a field or document kind the workflow declares (`documentKind`). */
  paramNames?: Record<string, NameKind>;
  /** What would satisfy a condition on the fact that does not hold: the kind of task and its status (src/rules/task-kinds.ts). */
  task: FactTask;
}

/** The kinds of document whose signatures make the collaboration formal (the fact `unsignedParties`). */
export const SIGNED_KINDS = ['agreement', 'declarationOfIntent'] as const;

const decisionPoint = { decisionPoint: { sv: 'Beslutspunktens nyckel, t.ex. "joint-agreement".', en: 'The decision point key, e.g. "joint-agreement".' } };
const partyItem = ['label', 'organisation'];
/** A party that has not signed, and the documents (of the kind, not confidential) it could sign. */
const signerItem = ['label', 'organisation', 'documents'];

/**
 * Every fact a rule set may name. This is the single place the fact layer grows: a new fact is
 * added here (so `npm run validate` knows it) and computed by a provider in `facts/providers/`
 * (a unit test checks that every fact here has exactly one provider).
 *
 * List facts name what is missing (boards, parties, goals) so that a gate can say *who* must act;
 * their items carry a `label` in Swedish for messages ("Alvesta kommun – socialnämnden").
 */
export const FACT_CATALOGUE: Record<string, FactInfo> = {
  // The case's own fields
  filledFields: {
    type: 'string[]',
    description: { sv: 'Nycklarna till ärendets fält som har ett värde (t.ex. "arena").', en: 'Keys of the case fields that have a value (e.g. "arena").' },
    names: 'field',
    task: { kind: 'setField', status: 'notStarted' },
  },

  // Parties and roles
  partyCount: {
    type: 'number',
    description: { sv: 'Antal parter i samverkan.', en: 'Number of parties in the collaboration.' },
    task: { kind: 'addParty', status: 'notStarted' },
  },
  leadingParties: {
    type: 'string[]',
    description: { sv: 'Parter som leder.', en: 'Parties that lead.' },
    task: { kind: 'addParty', status: 'notStarted', responsibility: 'leads' },
  },
  decidingParties: {
    type: 'string[]',
    description: { sv: 'Parter som beslutar.', en: 'Parties that decide.' },
    task: { kind: 'addParty', status: 'notStarted', responsibility: 'decides' },
  },
  contributingParties: {
    type: 'string[]',
    description: { sv: 'Parter som bidrar.', en: 'Parties that contribute.' },
    task: { kind: 'addParty', status: 'notStarted', responsibility: 'contributes' },
  },
  rolesHeld: {
    type: 'string[]',
    description: {
      sv: 'Roller (t.ex. "secretariat", "chair") som någon innehar i ärendet.',
      en: 'Roles (e.g. "secretariat", "chair") that someone holds on the case.',
    },
    task: { kind: 'assignRole', status: 'notStarted', value: 'role' },
  },
  vacantRequiredRoles: {
    type: 'object[]',
    description: { sv: 'Obligatoriska roller utan innehavare.', en: 'Required roles without a holder.' },
    itemFields: ['label', 'role', 'organisation'],
    task: { kind: 'assignRole', status: 'notStarted' },
  },
  chairRotationSet: {
    type: 'boolean',
    description: { sv: 'Ett roterande ordförandeskap är inrättat.', en: 'A rotating chair is set up.' },
    task: { kind: 'setUpChairRotation', status: 'notStarted' },
  },
  currentChair: {
    type: 'string',
    description: { sv: 'Organisationen som är ordförande nu ("" om ingen).', en: 'The organisation that chairs now ("" if none).' },
    task: { kind: 'assignRole', status: 'notStarted', role: 'chair' },
  },
  partiesWithoutBenefit: {
    type: 'object[]',
    description: {
      sv: 'Beslutande eller bidragande parter utan beskriven nytta av samverkan.',
      en: 'Deciding or contributing parties without a stated benefit.',
    },
    itemFields: partyItem,
    task: { kind: 'describeBenefit', status: 'notStarted' },
  },

  // Board decisions (Kommunallagen), per decision point
  decisionPointDefined: {
    type: 'boolean',
    description: { sv: 'Beslutspunkten finns med referenstext.', en: 'The decision point exists with a reference text.' },
    params: decisionPoint,
    task: { kind: 'setUpDecisionPoint', status: 'notStarted' },
  },
  boardsMissing: {
    type: 'object[]',
    description: { sv: 'Nämnder som ska besluta men inte har fattat (bifallande) beslut.', en: 'Required boards without a (positive) decision.' },
    params: decisionPoint,
    itemFields: ['label', 'board', 'organisation', 'status'],
    task: { kind: 'recordDecision', status: { byItemStatus: { none: 'notStarted' }, otherwise: 'inProgress' } },
  },
  decisionTextDifferences: {
    type: 'object[]',
    description: {
      sv: 'Beslut vars text skiljer sig från referenstexten, med ordpositioner.',
      en: 'Decisions whose text differs from the reference, with word positions.',
    },
    params: decisionPoint,
    itemFields: ['label', 'board', 'organisation', 'words', 'missingWords', 'extraWords'],
    task: { kind: 'recordDecision', status: 'inProgress' },
  },
  decisionsNotFinal: {
    type: 'object[]',
    description: {
      sv: 'Nämnder vars beslut inte har vunnit laga kraft, med första möjliga dag (finalFrom): dagen efter överklagandetiden, eller för ett beslut som ännu inte anslagits den dag det vinner laga kraft om det anslås i dag; inget datum för ett överklagat beslut.',
      en: 'Boards whose decision has not become final, with the first possible day (finalFrom): the day after the appeal period, or for a decision not yet announced the day it would be final if announced today; no date for an appealed decision.',
    },
    params: decisionPoint,
    itemFields: ['label', 'board', 'organisation', 'status', 'finalFrom'],
    task: {
      kind: 'recordDecision',
      status: { byItemStatus: { none: 'notStarted', announced: 'waitingForOthers', appealed: 'waitingForOthers' }, otherwise: 'inProgress' },
    },
  },

  // Goals and indicators
  goalCount: { type: 'number', description: { sv: 'Antal mål.', en: 'Number of goals.' }, task: { kind: 'addGoal', status: 'notStarted' } },
  unmeasurableGoals: {
    type: 'object[]',
    description: { sv: 'Mål som saknar indikator, utgångsvärde, målvärde eller måldatum.', en: 'Goals lacking an indicator, baseline, target or target date.' },
    itemFields: ['label', 'goal', 'missing', 'missingEn'],
    task: { kind: 'completeGoal', status: 'inProgress' },
  },
  partiesWithoutGoal: {
    type: 'object[]',
    description: { sv: 'Beslutande eller bidragande parter som inget mål mäts för.', en: 'Deciding or contributing parties no goal is measured for.' },
    itemFields: partyItem,
    task: { kind: 'addGoal', status: 'notStarted' },
  },
  goalsWithoutFollowUp: {
    type: 'object[]',
    description: { sv: 'Mål utan mätning efter utgångsåret.', en: 'Goals without a measurement after the baseline year.' },
    itemFields: ['label', 'goal'],
    task: { kind: 'recordMeasurement', status: 'notStarted' },
  },
  goalKpis: {
    type: 'string[]',
    description: { sv: 'Kolada-nyckeltal som målen följs med (t.ex. "N03937").', en: 'Kolada KPIs the goals are measured with (e.g. "N03937").' },
    task: { kind: 'addGoal', status: 'notStarted', value: 'kpi' },
  },
  goalsOffTrack: {
    type: 'object[]',
    description: { sv: 'Mål som inte ligger i fas mot målvärdet.', en: 'Goals not on track towards their target.' },
    itemFields: ['label', 'goal', 'progress'],
    task: { kind: 'recordMeasurement', status: 'inProgress' },
  },

  // Resources and actions
  partiesWithoutCommitment: {
    type: 'object[]',
    description: { sv: 'Bidragande parter som inte har åtagit sig resurser.', en: 'Contributing parties without a resource commitment.' },
    itemFields: partyItem,
    task: { kind: 'commitResource', status: 'notStarted' },
  },
  actionCount: {
    type: 'number',
    description: { sv: 'Antal åtgärder (ej strukna).', en: 'Number of actions (not cancelled).' },
    task: { kind: 'planAction', status: 'notStarted' },
  },
  startedActionCount: {
    type: 'number',
    description: { sv: 'Åtgärder som har påbörjats eller är klara.', en: 'Actions in progress or done.' },
    task: { kind: 'updateAction', status: 'notStarted' },
  },
  incompleteActions: {
    type: 'object[]',
    description: { sv: 'Åtgärder utan ansvarig part eller datum.', en: 'Actions without a responsible party or a due date.' },
    itemFields: ['label', 'action', 'missing', 'missingEn'],
    task: { kind: 'updateAction', status: 'inProgress' },
  },
  actionsWithoutSubgroup: {
    type: 'object[]',
    description: { sv: 'Åtgärder utan undergrupp av berörda parter (Borås).', en: 'Actions without a subgroup of the parties concerned (Borås).' },
    itemFields: ['label', 'action'],
    task: { kind: 'updateAction', status: 'inProgress' },
  },
  overdueActions: {
    type: 'object[]',
    description: { sv: 'Åtgärder vars datum har passerat utan att de är klara.', en: 'Actions past their due date and not done.' },
    itemFields: ['label', 'action', 'dueDate', 'responsible'],
    task: { kind: 'updateAction', status: 'inProgress' },
  },

  // Documents
  documentKinds: {
    type: 'string[]',
    description: { sv: 'Slag av dokument som finns i ärendet (även sekretessmarkerade).', en: 'Kinds of documents on the case (confidential ones too).' },
    names: 'documentKind',
    task: { kind: 'registerDocument', status: 'notStarted' },
  },
  partiesNotEndorsed: {
    type: 'object[]',
    description: {
      sv: 'Beslutande parter som inte har ställt sig bakom (skrivit under) ett dokument av ett visst slag.',
      en: 'Deciding parties that have not endorsed (signed) a document of a kind.',
    },
    params: { documentKind: { sv: 'Dokumentslaget, t.ex. "problemStatement".', en: 'The document kind, e.g. "problemStatement".' } },
    paramNames: { documentKind: 'documentKind' },
    itemFields: signerItem,
    task: { kind: 'signDocument', status: 'notStarted' },
  },
  unsignedParties: {
    type: 'object[]',
    description: {
      sv: 'Parter som ska skriva under avtalet/avsiktsförklaringen men inte har gjort det.',
      en: 'Parties that must sign the agreement / declaration of intent and have not.',
    },
    itemFields: signerItem,
    task: { kind: 'signDocument', status: 'notStarted', documentKinds: SIGNED_KINDS },
  },
};

/** Names of all facts. */
export function factNames(): string[] {
  return Object.keys(FACT_CATALOGUE);
}
