import type { PublishedWorkflow } from '../../api';
import { lang } from '../../i18n';
import { w } from './words';

/** How a case field is filled in. */
export type CaseFieldType = 'text' | 'longText' | 'number' | 'yesNo';

/** A case field as the form asks for it: its key (what the API stores), its label, its type and help. */
export interface CaseFieldSpec {
  key: string;
  label: string;
  type: CaseFieldType;
  help?: string;
  /** A gate of the workflow asks for it. */
  asked: boolean;
}

/** The labels of the fields the demo workflows' gates ask for today, until workflows declare them. */
const KNOWN: Record<string, { sv: string; en: string; help: { sv: string; en: string } }> = {
  arena: {
    sv: 'Arena (forum)',
    en: 'Arena (forum)',
    help: {
      sv: 'Var parterna möts och samverkar, till exempel Blekingerådet.',
      en: 'Where the parties meet and work together, for example the Blekinge council.',
    },
  },
  problemStatement: {
    sv: 'Gemensam problembeskrivning',
    en: 'Joint problem statement',
    help: { sv: 'Problemet som parterna ska lösa tillsammans.', en: 'The problem the parties solve together.' },
  },
  dataSources: {
    sv: 'Underlag för nulägesanalysen',
    en: 'Data behind the situation analysis',
    help: {
      sv: 'Vilka data analysen vilar på, till exempel nyckeltal i Kolada och deras utgångsvärden.',
      en: 'The data the analysis rests on, for example Kolada indicators and baselines.',
    },
  },
  continuationPlan: {
    sv: 'Plan för fortsättningen',
    en: 'Plan for continuing',
    help: { sv: 'Hur arbetet hålls vid liv när projektet är över, och nästa steg.', en: 'How the work is kept alive after the project, and the next step.' },
  },
  effectEvaluation: {
    sv: 'Utvärdering av effekterna',
    en: 'Evaluation of the effects',
    help: { sv: 'Hur effekterna för varje part har utvärderats.', en: 'How the effects for each party were evaluated.' },
  },
  goalConflicts: {
    sv: 'Målkonflikter och hur de hanteras',
    en: 'Goal conflicts and how they are handled',
    help: {
      sv: 'Konflikter mellan mål i olika styrdokument (till exempel RUS och översiktsplaner), hur de hanteras och följs upp.',
      en: 'Conflicts between goals of steering documents (for example the regional strategy and comprehensive plans), how they are handled and followed up.',
    },
  },
};

/** Every `filledFields contains "<key>"` in a rule set's conditions, with the rule's message. */
function askedByGates(workflow: PublishedWorkflow): Array<{ key: string; message: string }> {
  const found: Array<{ key: string; message: string }> = [];
  const walk = (node: unknown, message: string): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, message);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const c = node as Record<string, unknown>;
    if (c.fact === 'filledFields' && c.operator === 'contains' && typeof c.value === 'string') found.push({ key: c.value, message });
    for (const v of Object.values(c)) walk(v, message);
  };
  for (const set of Object.values(workflow.ruleSets ?? {})) {
    for (const rule of set.conditions ?? []) walk(rule.when, rule.message?.[lang()] ?? rule.message?.sv ?? '');
  }
  return found;
}

/**
 * THE ONE PLACE the case fields' list comes from: key, label, type and help of every field the form
 * offers. Today workflows do not declare their fields, so the list is the field keys the gates of
 * the workflow's rule sets ask for (`filledFields contains "<key>"`), worded from {@link KNOWN} (or,
 * for a key it does not know, by the gate's own message), plus any field the case already has.
 * When workflow definitions declare their fields (key, label, type, help), read them here from
 * `workflow.definition` instead: the form and the overview take whatever this returns.
 */
export function caseFieldsOf(workflow: PublishedWorkflow | null, saved: Record<string, string | number | boolean>): CaseFieldSpec[] {
  const l = lang();
  const list: CaseFieldSpec[] = [];
  const add = (key: string, asked: boolean, message?: string, value?: string | number | boolean) => {
    if (list.some((f) => f.key === key)) return;
    const known = KNOWN[key];
    const type: CaseFieldType = typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'yesNo' : 'longText';
    list.push(
      known
        ? { key, label: known[l], type, help: known.help[l], asked }
        : { key, label: w('unnamedField', { n: list.length + 1 }), type, help: message ? w('askedBecause', { message }) : w('savedField', { key }), asked },
    );
  };
  if (workflow) for (const { key, message } of askedByGates(workflow)) add(key, true, message);
  for (const [key, value] of Object.entries(saved)) add(key, false, undefined, value);
  return list;
}

/** A field's saved value in words. */
export function valueText(value: string | number | boolean | undefined): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? w('yes') : w('no');
  if (typeof value === 'number') return value.toLocaleString(lang() === 'sv' ? 'sv-SE' : 'en-GB');
  return value;
}
