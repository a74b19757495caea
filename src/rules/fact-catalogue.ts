import type { LocalizedText } from '../common/i18n.js';

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
}

const decisionPoint = { decisionPoint: { sv: 'Beslutspunktens nyckel, t.ex. "joint-agreement".', en: 'The decision point key, e.g. "joint-agreement".' } };
const partyItem = ['label', 'organisation'];

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
    description: { sv: 'Namnen på ärendets fält som har ett värde (t.ex. "arena").', en: 'Names of the case fields that have a value (e.g. "arena").' },
  },

  // Parties and roles
  partyCount: { type: 'number', description: { sv: 'Antal parter i samverkan.', en: 'Number of parties in the collaboration.' } },
  leadingParties: { type: 'string[]', description: { sv: 'Parter som leder.', en: 'Parties that lead.' } },
  decidingParties: { type: 'string[]', description: { sv: 'Parter som beslutar.', en: 'Parties that decide.' } },
  contributingParties: { type: 'string[]', description: { sv: 'Parter som bidrar.', en: 'Parties that contribute.' } },
  rolesHeld: {
    type: 'string[]',
    description: {
      sv: 'Roller (t.ex. "secretariat", "chair") som någon innehar i ärendet.',
      en: 'Roles (e.g. "secretariat", "chair") that someone holds on the case.',
    },
  },
  vacantRequiredRoles: {
    type: 'object[]',
    description: { sv: 'Obligatoriska roller utan innehavare.', en: 'Required roles without a holder.' },
    itemFields: ['label', 'role', 'organisation'],
  },
  chairRotationSet: { type: 'boolean', description: { sv: 'Ett roterande ordförandeskap är inrättat.', en: 'A rotating chair is set up.' } },
  currentChair: {
    type: 'string',
    description: { sv: 'Organisationen som är ordförande nu ("" om ingen).', en: 'The organisation that chairs now ("" if none).' },
  },
  partiesWithoutBenefit: {
    type: 'object[]',
    description: {
      sv: 'Beslutande eller bidragande parter utan beskriven nytta av samverkan.',
      en: 'Deciding or contributing parties without a stated benefit.',
    },
    itemFields: partyItem,
  },

  // Board decisions (Kommunallagen), per decision point
  decisionPointDefined: {
    type: 'boolean',
    description: { sv: 'Beslutspunkten finns med referenstext.', en: 'The decision point exists with a reference text.' },
    params: decisionPoint,
  },
  boardsMissing: {
    type: 'object[]',
    description: { sv: 'Nämnder som ska besluta men inte har fattat (bifallande) beslut.', en: 'Required boards without a (positive) decision.' },
    params: decisionPoint,
    itemFields: ['label', 'board', 'organisation', 'status'],
  },
  decisionTextDifferences: {
    type: 'object[]',
    description: {
      sv: 'Beslut vars text skiljer sig från referenstexten, med ordpositioner.',
      en: 'Decisions whose text differs from the reference, with word positions.',
    },
    params: decisionPoint,
    itemFields: ['label', 'board', 'organisation', 'words'],
  },
  decisionsNotFinal: {
    type: 'object[]',
    description: {
      sv: 'Nämnder vars beslut inte har vunnit laga kraft, med första möjliga dag (finalFrom): dagen efter överklagandetiden, eller för ett beslut som ännu inte anslagits den dag det vinner laga kraft om det anslås i dag; inget datum för ett överklagat beslut.',
      en: 'Boards whose decision has not become final, with the first possible day (finalFrom): the day after the appeal period, or for a decision not yet announced the day it would be final if announced today; no date for an appealed decision.',
    },
    params: decisionPoint,
    itemFields: ['label', 'board', 'organisation', 'status', 'finalFrom'],
  },

  // Goals and indicators
  goalCount: { type: 'number', description: { sv: 'Antal mål.', en: 'Number of goals.' } },
  unmeasurableGoals: {
    type: 'object[]',
    description: { sv: 'Mål som saknar indikator, utgångsvärde, målvärde eller måldatum.', en: 'Goals lacking an indicator, baseline, target or target date.' },
    itemFields: ['label', 'missing', 'missingEn'],
  },
  partiesWithoutGoal: {
    type: 'object[]',
    description: { sv: 'Beslutande eller bidragande parter som inget mål mäts för.', en: 'Deciding or contributing parties no goal is measured for.' },
    itemFields: partyItem,
  },
  goalsWithoutFollowUp: {
    type: 'object[]',
    description: { sv: 'Mål utan mätning efter utgångsåret.', en: 'Goals without a measurement after the baseline year.' },
    itemFields: ['label'],
  },
  goalKpis: {
    type: 'string[]',
    description: { sv: 'Kolada-nyckeltal som målen följs med (t.ex. "N03937").', en: 'Kolada KPIs the goals are measured with (e.g. "N03937").' },
  },
  goalsOffTrack: {
    type: 'object[]',
    description: { sv: 'Mål som inte ligger i fas mot målvärdet.', en: 'Goals not on track towards their target.' },
    itemFields: ['label', 'progress'],
  },

  // Resources and actions
  partiesWithoutCommitment: {
    type: 'object[]',
    description: { sv: 'Bidragande parter som inte har åtagit sig resurser.', en: 'Contributing parties without a resource commitment.' },
    itemFields: partyItem,
  },
  actionCount: { type: 'number', description: { sv: 'Antal åtgärder (ej strukna).', en: 'Number of actions (not cancelled).' } },
  startedActionCount: { type: 'number', description: { sv: 'Åtgärder som har påbörjats eller är klara.', en: 'Actions in progress or done.' } },
  incompleteActions: {
    type: 'object[]',
    description: { sv: 'Åtgärder utan ansvarig part eller datum.', en: 'Actions without a responsible party or a due date.' },
    itemFields: ['label', 'missing', 'missingEn'],
  },
  actionsWithoutSubgroup: {
    type: 'object[]',
    description: { sv: 'Åtgärder utan undergrupp av berörda parter (Borås).', en: 'Actions without a subgroup of the parties concerned (Borås).' },
    itemFields: ['label'],
  },
  overdueActions: {
    type: 'object[]',
    description: { sv: 'Åtgärder vars datum har passerat utan att de är klara.', en: 'Actions past their due date and not done.' },
    itemFields: ['label', 'dueDate', 'responsible'],
  },

  // Documents
  documentKinds: {
    type: 'string[]',
    description: { sv: 'Slag av dokument som finns i ärendet (även sekretessmarkerade).', en: 'Kinds of documents on the case (confidential ones too).' },
  },
  partiesNotEndorsed: {
    type: 'object[]',
    description: {
      sv: 'Beslutande parter som inte har ställt sig bakom (skrivit under) ett dokument av ett visst slag.',
      en: 'Deciding parties that have not endorsed (signed) a document of a kind.',
    },
    params: { documentKind: { sv: 'Dokumentslaget, t.ex. "problemStatement".', en: 'The document kind, e.g. "problemStatement".' } },
    itemFields: partyItem,
  },
  unsignedParties: {
    type: 'object[]',
    description: {
      sv: 'Parter som ska skriva under avtalet/avsiktsförklaringen men inte har gjort det.',
      en: 'Parties that must sign the agreement / declaration of intent and have not.',
    },
    itemFields: partyItem,
  },
};

/** Names of all facts. */
export function factNames(): string[] {
  return Object.keys(FACT_CATALOGUE);
}
