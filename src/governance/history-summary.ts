import type { Language, LocalizedText } from '../common/i18n.js';
import type { CompiledWorkflow } from '../definitions/compile-workflow.js';
import type { StateConfig } from '../definitions/workflow-types.js';
import { activeSteps } from '../cases/case-engine.js';
import type { CaseState } from '../cases/case-engine.js';
import {
  ACTION_STATUS_WORDS,
  dateInWords,
  DECISION_STATUS_WORDS,
  DIRECTION_WORDS,
  RESOURCE_KIND_WORDS,
  RESPONSIBILITY_WORDS,
  roleTitle,
  TARGET_KIND_WORDS,
  wordOf,
} from '../cases/domain-words.js';
import { labelOf } from '../rules/vocabulary.js';

/*
 * The case history in words, for people: who did what, and only what changed, with labels (field
 * labels from the workflow, party and people's names, step titles, Swedish status words), never a
 * login subject, an id or an array index. Pure: every name is looked up through HistoryLookups,
 * which the caller fills from the registry and the case's tables beforehand.
 */

/** What the describer may look up. Each returns undefined for what it does not know. */
export interface HistoryLookups {
  /** A registered person by the subject they sign in with: their name and organisation's id. */
  personBySubject(subject: string): { name: string; organisation: string } | undefined;
  /** A registered person by id. */
  person(id: string): { name: string; organisation: string } | undefined;
  /** An organisation's name. */
  organisation(id: string): string | undefined;
  /** A board as messages name it: "Alvesta kommun – socialnämnden". */
  board(id: string): string | undefined;
  /** A goal's title now. */
  goal(id: string): string | undefined;
  /** A document's kind and title; no title for a confidential one. */
  document(id: string): { kind: string; title: string | null } | undefined;
  /** The case's own (pinned) workflow version: its steps, transitions, fields, kinds and ladders. */
  workflow: CompiledWorkflow;
}

/** A history event as stored. */
export interface HistoryEventInput {
  type: string;
  actorKind: string;
  actorPerson: string;
  actorOrganisation: string;
  payload: Record<string, unknown>;
}

/** One property that changed, in words. */
export interface ChangeInWords {
  /** What it is called: "Arena (forum)", "Status", "Innehavare". */
  label: string;
  /** Before and after, in words; null for "none" (added, or removed). */
  from: string | null;
  to: string | null;
}

/** A history event in words, in one language. */
export interface HistorySummary {
  /** Who: "Maria Nilsson, Region Kronoberg", or the system. */
  who: string;
  /** What kind of event: "Part lades till". */
  what: string;
  /** One sentence saying who did what. */
  text: string;
  /** Only the properties that changed. */
  changes: ChangeInWords[];
}

type L = LocalizedText;
const T = (sv: string, en: string): L => ({ sv, en });

/** Every event type the service writes (grep `type: '` in src/governance, src/cases, src/escalations), in words. */
export const EVENT_TITLES: Readonly<Record<string, L>> = {
  'case.created': T('Ärendet startades', 'Case started'),
  'case.transitioned': T('Ärendet gick till ett nytt steg', 'The case moved to a new step'),
  'case.fields.updated': T('Uppgifter ändrades', 'Fields changed'),
  'party.added': T('Part lades till', 'Party added'),
  'party.updated': T('Part ändrades', 'Party changed'),
  'party.removed': T('Part togs bort', 'Party removed'),
  'role.assigned': T('Roll tilldelades', 'Role assigned'),
  'role.updated': T('Roll ändrades', 'Role changed'),
  'role.removed': T('Roll togs bort', 'Role removed'),
  'role.handedOver': T('Roller lämnades över', 'Roles handed over'),
  'chair.rotationSet': T('Roterande ordförandeskap inrättades', 'Rotating chair set up'),
  'chair.rotated': T('Ordförandeskapet gick vidare', 'The chair rotated'),
  'decisionPoint.created': T('Beslutspunkt lades upp', 'Decision point set up'),
  'decisionPoint.updated': T('Beslutspunkt ändrades', 'Decision point changed'),
  'decision.recorded': T('Nämndbeslut registrerades', 'Board decision recorded'),
  'decision.corrected': T('Registreringen av ett nämndbeslut rättades', 'Board decision registration corrected'),
  'document.added': T('Dokument registrerades', 'Document registered'),
  'document.fileStored': T('Fil sparades', 'File stored'),
  'document.signed': T('Underskrift registrerades', 'Signature recorded'),
  'goal.created': T('Mål lades till', 'Goal added'),
  'goal.updated': T('Mål ändrades', 'Goal changed'),
  'measurement.recorded': T('Mätvärde registrerades', 'Measurement recorded'),
  'measurements.imported': T('Mätvärden importerades', 'Measurements imported'),
  'resource.committed': T('Resurser utlovades', 'Resources committed'),
  'resource.withdrawn': T('Resursåtagande drogs tillbaka', 'Resource commitment withdrawn'),
  'action.added': T('Åtgärd lades till', 'Action added'),
  'action.updated': T('Åtgärd ändrades', 'Action changed'),
  'escalation.raised': T('Eskalering', 'Escalation'),
  'escalation.acknowledged': T('Eskalering kvitterades', 'Escalation acknowledged'),
};

/** Longest text shown in a change; longer ones end with "…". */
const MAX_TEXT = 300;

/**
 * An event in words, in the caller's language: who did it, what kind of event, one sentence, and
 * the properties that changed. Never throws on an unexpected payload: what it cannot read it
 * leaves out. Pure.
 */
export function summarize(event: HistoryEventInput, lookups: HistoryLookups, lang: Language): HistorySummary {
  const d = new Describer(lookups, lang);
  const who = d.who(event);
  const title = Object.hasOwn(EVENT_TITLES, event.type) ? EVENT_TITLES[event.type]![lang] : d.w('Händelse', 'Event');
  const { text, changes } = d.describe(event.type, event.payload, who);
  return { who, what: title, text, changes };
}

type Payload = Record<string, unknown>;

class Describer {
  constructor(
    private readonly look: HistoryLookups,
    private readonly lang: Language,
  ) {}

  w(sv: string, en: string): string {
    return this.lang === 'sv' ? sv : en;
  }

  who(event: HistoryEventInput): string {
    if (event.actorKind === 'system') return this.w('Systemet', 'The system');
    const person = this.look.personBySubject(event.actorPerson);
    const organisation = this.org(person?.organisation ?? event.actorOrganisation);
    return person ? `${person.name}, ${organisation}` : this.w(`En person vid ${organisation}`, `Someone at ${organisation}`);
  }

  org(id: unknown): string {
    return (typeof id === 'string' && this.look.organisation(id)) || this.w('en okänd organisation', 'an unknown organisation');
  }

  personName(id: unknown): string | null {
    if (typeof id !== 'string' || !id) return null;
    return this.look.person(id)?.name ?? this.w('en person som inte längre finns i registret', 'a person no longer in the registry');
  }

  date(value: unknown): string | null {
    return typeof value === 'string' && value ? dateInWords(value.slice(0, 10), this.lang) : null;
  }

  yesNo(value: unknown): string | null {
    return typeof value === 'boolean' ? (value ? this.w('ja', 'yes') : this.w('nej', 'no')) : null;
  }

  textOf(value: unknown): string | null {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'boolean') return this.yesNo(value);
    if (typeof value === 'number') return this.number(value);
    const text = String(value);
    return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  }

  number(value: unknown): string | null {
    return typeof value === 'number' ? value.toLocaleString(this.lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 4 }) : null;
  }

  word(table: Readonly<Record<string, L>>, value: unknown): string | null {
    return typeof value === 'string' && value ? wordOf(table, value, this.lang) : null;
  }

  list(values: unknown, each: (v: unknown) => string | null): string | null {
    if (!Array.isArray(values) || values.length === 0) return null;
    return (
      values
        .map(each)
        .filter((v): v is string => !!v)
        .join(', ') || null
    );
  }

  step(state: unknown): string {
    const s = state as CaseState | undefined;
    try {
      const steps = s && typeof s === 'object' ? activeSteps(this.look.workflow, s).filter((x) => !x.compound) : [];
      if (steps.length) return steps.map((x) => x.title[this.lang]).join(', ');
    } catch {
      // A state the pinned workflow does not know: said as unknown below.
    }
    return this.w('ett okänt steg', 'an unknown step');
  }

  role(summary: unknown): string {
    const r = obj(summary);
    return this.w(`${roleTitle(String(r.role), 'sv')} för ${this.org(r.organisation)}`, `${roleTitle(String(r.role), 'en')} for ${this.org(r.organisation)}`);
  }

  documentTitle(id: unknown): string {
    const doc = typeof id === 'string' ? this.look.document(id) : undefined;
    const kind = doc ? labelOf(this.look.workflow.vocabulary, 'documentKind', doc.kind)[this.lang] : undefined;
    if (doc?.title) return `"${doc.title}"`;
    return kind ? this.w(`ett sekretessmarkerat dokument (${kind})`, `a confidential document (${kind})`) : this.w('ett dokument', 'a document');
  }

  boardName(id: unknown): string | null {
    return typeof id === 'string' ? (this.look.board(id) ?? this.w('en nämnd som inte längre finns i registret', 'a board no longer in the registry')) : null;
  }

  goalTitle(id: unknown): string {
    const title = typeof id === 'string' ? this.look.goal(id) : undefined;
    return title ? `"${title}"` : this.w('ett mål', 'a goal');
  }

  onBehalf(p: Payload): string {
    const behalf = obj(p.onBehalfOf);
    return typeof behalf.name === 'string' ? this.w(` för ${behalf.name}`, ` for ${behalf.name}`) : '';
  }

  /** The properties of `from` and `to` that differ, each in words by `fields`; only those. */
  diff(from: unknown, to: unknown, fields: Array<[string, L, (v: unknown) => string | null]>): ChangeInWords[] {
    const a = obj(from);
    const b = obj(to);
    const out: ChangeInWords[] = [];
    for (const [key, label, show] of fields) {
      const before = show(a[key] ?? null);
      const after = show(b[key] ?? null);
      if (JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null) || before === after) continue;
      out.push({ label: label[this.lang], from: before, to: after });
    }
    return out;
  }

  /** The properties of a new thing that have a value, in words. */
  added(thing: unknown, fields: Array<[string, L, (v: unknown) => string | null]>): ChangeInWords[] {
    return this.diff({}, thing, fields);
  }

  describe(type: string, p: Payload, who: string): { text: string; changes: ChangeInWords[] } {
    const w = (sv: string, en: string) => this.w(sv, en);
    const text = (v: unknown) => this.textOf(v);
    const date = (v: unknown) => this.date(v);
    const org = (v: unknown) => (typeof v === 'string' && v ? this.org(v) : null);
    const person = (v: unknown) => this.personName(v);
    const wf = this.look.workflow;
    switch (type) {
      case 'case.created': {
        const party = obj(p.party);
        const role = obj(p.role);
        return {
          text: w(
            `${who} startade ärendet "${String(p.title)}" på arbetsflödet "${wf.title.sv}".`,
            `${who} started the case "${String(p.title)}" on the workflow "${wf.title.en}".`,
          ),
          changes: [
            { label: w('Titel', 'Title'), from: null, to: text(p.title) },
            { label: w('Steg', 'Step'), from: null, to: this.step(p.to) },
            { label: w('Leds av', 'Led by'), from: null, to: this.org(party.organisation) },
            { label: w('Sekretariat', 'Secretariat'), from: null, to: person(role.holder) },
          ].filter((c) => c.to !== null),
        };
      }
      case 'case.transitioned': {
        const from = this.step(p.from);
        const to = this.step(p.to);
        const event = obj(p.event);
        const transition = obj(p.transition);
        const title = (wf.transitions.get(String(transition.source)) ?? []).find((t) => t.event === event.type && t.target === transition.target)?.title?.[
          this.lang
        ];
        const changes: ChangeInWords[] = [{ label: w('Steg', 'Step'), from, to }];
        if (typeof event.comment === 'string') changes.push({ label: w('Motivering', 'Justification'), from: null, to: text(event.comment) });
        return {
          text: title
            ? w(`${who} valde "${title}": ärendet gick från "${from}" till "${to}".`, `${who} chose "${title}": the case moved from "${from}" to "${to}".`)
            : w(`${who} flyttade ärendet från "${from}" till "${to}".`, `${who} moved the case from "${from}" to "${to}".`),
          changes,
        };
      }
      case 'case.fields.updated': {
        const changes = Object.entries(obj(p.changes)).map(([key, change]) => {
          const c = obj(change);
          const declared = Object.hasOwn(wf.vocabulary.fields, key) ? wf.vocabulary.fields[key] : undefined;
          const show = (v: unknown) => (declared?.type === 'date' ? date(v) : text(v));
          return { label: declared ? declared.label[this.lang] : key, from: show(c.from), to: show(c.to) };
        });
        const names = changes.map((c) => `"${c.label}"`).join(', ');
        return { text: w(`${who} ändrade ${names}.`, `${who} changed ${names}.`), changes };
      }
      case 'party.added': {
        const name = this.org(obj(p.organisation).id);
        const resp = this.list(p.responsibilities, (r) => this.word(RESPONSIBILITY_WORDS, r));
        return {
          text: w(`${who} lade till ${name} som part${resp ? ` (${resp})` : ''}.`, `${who} added ${name} as a party${resp ? ` (${resp})` : ''}.`),
          changes: this.added(p, PARTY_FIELDS(this)),
        };
      }
      case 'party.updated': {
        const name = this.org(p.organisation);
        return { text: w(`${who} ändrade parten ${name}.`, `${who} changed the party ${name}.`), changes: this.diff(p.from, p.to, PARTY_FIELDS(this)) };
      }
      case 'party.removed': {
        const name = this.org(p.organisation);
        const roles = this.list(p.rolesRemoved, (r) => roleTitle(String(r), this.lang));
        return {
          text: w(`${who} tog bort ${name} som part.`, `${who} removed ${name} as a party.`),
          changes: roles ? [{ label: w('Roller som togs bort', 'Roles removed'), from: roles, to: null }] : [],
        };
      }
      case 'role.assigned': {
        const role = obj(p.role);
        const holder = person(role.holder);
        return {
          text: holder
            ? w(`${who} gav rollen ${this.role(role)} till ${holder}.`, `${who} gave the role ${this.role(role)} to ${holder}.`)
            : w(`${who} lade till rollen ${this.role(role)}, utan innehavare.`, `${who} added the role ${this.role(role)}, without a holder.`),
          changes: this.added(role, ROLE_FIELDS(this)),
        };
      }
      case 'role.updated':
        return {
          text: w(`${who} ändrade rollen ${this.role(p.to)}.`, `${who} changed the role ${this.role(p.to)}.`),
          changes: this.diff(p.from, p.to, ROLE_FIELDS(this)),
        };
      case 'role.removed':
        return { text: w(`${who} tog bort rollen ${this.role(p.role)}.`, `${who} removed the role ${this.role(p.role)}.`), changes: [] };
      case 'role.handedOver': {
        const leaving = person(p.person) ?? w('en person', 'a person');
        const changes = (Array.isArray(p.roles) ? p.roles : []).map((handed) => {
          const h = obj(handed);
          return { label: this.role(h.from), from: person(obj(h.from).holder), to: person(obj(h.to).holder) ?? w('vakant', 'vacant') };
        });
        return { text: w(`${who} inaktiverade ${leaving}; rollerna lämnades över.`, `${who} deactivated ${leaving}; the roles were handed over.`), changes };
      }
      case 'chair.rotationSet': {
        const order = this.list(p.entries, (e) => this.org(obj(e).organisationId));
        const chair = obj(p.chair);
        return {
          text: w(`${who} inrättade ett roterande ordförandeskap.`, `${who} set up a rotating chair.`),
          changes: [
            { label: w('Turordning', 'Order'), from: null, to: order },
            {
              label: w('Period', 'Period'),
              from: null,
              to: typeof p.periodMonths === 'number' ? w(`${p.periodMonths} månader`, `${p.periodMonths} months`) : null,
            },
            { label: w('Ordförande nu', 'Chair now'), from: null, to: this.org(chair.organisation) },
            { label: w('Nästa byte', 'Next rotation'), from: null, to: date(p.nextRotationOn) },
          ].filter((c) => c.to !== null),
        };
      }
      case 'chair.rotated':
        return {
          text:
            p.reason === 'scheduled'
              ? w(
                  `Ordförandeskapet gick enligt turordningen från ${this.org(p.from)} till ${this.org(p.to)}.`,
                  `The chair passed in turn from ${this.org(p.from)} to ${this.org(p.to)}.`,
                )
              : w(
                  `${who} lät ordförandeskapet gå från ${this.org(p.from)} till ${this.org(p.to)}.`,
                  `${who} passed the chair from ${this.org(p.from)} to ${this.org(p.to)}.`,
                ),
          changes: [
            { label: w('Ordförande', 'Chair'), from: this.org(p.from), to: this.org(p.to) },
            ...(p.holder ? [{ label: w('Ordförande (person)', 'Chair (person)'), from: null, to: person(p.holder) }] : []),
            { label: w('Nästa byte', 'Next rotation'), from: null, to: date(p.nextRotationOn) },
          ].filter((c) => c.to !== null),
        };
      case 'decisionPoint.created':
        return {
          text: w(`${who} lade upp beslutspunkten "${String(p.title)}".`, `${who} set up the decision point "${String(p.title)}".`),
          changes: this.added(p, POINT_FIELDS(this)),
        };
      case 'decisionPoint.updated': {
        const title = String(obj(p.to).title ?? obj(p.from).title ?? '');
        return {
          text: w(`${who} ändrade beslutspunkten "${title}".`, `${who} changed the decision point "${title}".`),
          changes: this.diff(p.from, p.to, POINT_FIELDS(this)),
        };
      }
      case 'decision.recorded':
      case 'decision.corrected': {
        const board = (typeof p.board === 'string' && this.look.board(p.board)) || String(p.label ?? w('en nämnd', 'a board'));
        const changes = this.diff(p.from, p.to, DECISION_FIELDS(this));
        if (type === 'decision.corrected') changes.push({ label: w('Skäl till rättelsen', 'Reason for the correction'), from: null, to: text(p.correction) });
        return {
          text:
            type === 'decision.corrected'
              ? w(`${who} rättade registreringen av beslutet i ${board}.`, `${who} corrected the registration of the decision of ${board}.`)
              : w(`${who} registrerade beslutet i ${board}.`, `${who} recorded the decision of ${board}.`),
          changes,
        };
      }
      case 'document.added': {
        const doc = obj(p.document);
        const kind = labelOf(wf.vocabulary, 'documentKind', String(doc.kind))[this.lang];
        const fields: Array<[string, L, (v: unknown) => string | null]> = [
          ['kind', T('Slag', 'Kind'), () => kind],
          ['registry', T('Diarium', 'Registry'), org],
          ['registrationNumber', T('Diarienummer', 'Registration number'), text],
          ['link', T('Länk', 'Link'), text],
          ['visibleTo', T('Synligt för', 'Visible to'), (v) => this.list(v, (o) => this.org(o))],
        ];
        return {
          text: doc.confidential
            ? w(
                `${who} registrerade ett sekretessmarkerat dokument (${kind})${this.onBehalf(p)}.`,
                `${who} registered a confidential document (${kind})${this.onBehalf(p)}.`,
              )
            : w(
                `${who} registrerade dokumentet "${String(doc.title)}"${this.onBehalf(p)}.`,
                `${who} registered the document "${String(doc.title)}"${this.onBehalf(p)}.`,
              ),
          changes: this.added(doc, fields),
        };
      }
      case 'document.fileStored': {
        const size = typeof p.size === 'number' ? `${Math.max(1, Math.round(p.size / 1024)).toLocaleString(this.lang === 'sv' ? 'sv-SE' : 'en-GB')} kB` : null;
        return {
          text: w(
            `${who} sparade en fil till ${this.documentTitle(p.document)}${this.onBehalf(p)}.`,
            `${who} stored a file with ${this.documentTitle(p.document)}${this.onBehalf(p)}.`,
          ),
          changes: [
            { label: w('Fil', 'File'), from: null, to: text(p.name) },
            { label: w('Storlek', 'Size'), from: null, to: size },
          ].filter((c) => c.to !== null),
        };
      }
      case 'document.signed': {
        const on = date(p.signedOn);
        return {
          text: w(
            `${who} registrerade att ${this.org(p.organisation)} skrev under ${this.documentTitle(p.document)}${on ? ` den ${on}` : ''}.`,
            `${who} recorded that ${this.org(p.organisation)} signed ${this.documentTitle(p.document)}${on ? ` on ${on}` : ''}.`,
          ),
          changes: on ? [{ label: w('Undertecknat', 'Signed'), from: null, to: on }] : [],
        };
      }
      case 'goal.created': {
        const goal = obj(p.goal);
        return {
          text: w(`${who} lade till målet "${String(goal.title)}".`, `${who} added the goal "${String(goal.title)}".`),
          changes: this.added(goal, GOAL_FIELDS(this)).filter((c) => c.label !== w('Titel', 'Title')),
        };
      }
      case 'goal.updated': {
        const title = String(obj(p.to).title ?? '');
        return { text: w(`${who} ändrade målet "${title}".`, `${who} changed the goal "${title}".`), changes: this.diff(p.from, p.to, GOAL_FIELDS(this)) };
      }
      case 'measurement.recorded': {
        const goal = this.goalTitle(p.goal);
        return {
          text: w(
            `${who} registrerade ett mätvärde för ${String(p.period)} på målet ${goal}${this.onBehalf(p)}.`,
            `${who} recorded a measurement for ${String(p.period)} of the goal ${goal}${this.onBehalf(p)}.`,
          ),
          changes: [{ label: w(`Värde ${String(p.period)}`, `Value ${String(p.period)}`), from: this.number(p.previous), to: this.number(p.value) }],
        };
      }
      case 'measurements.imported': {
        const list = Array.isArray(p.changes) ? p.changes.map(obj) : [];
        const source = p.source === 'kolada-api' ? w('Koladas API', "Kolada's API") : w('en fil i Koladas format', "a file in Kolada's format");
        return {
          text: w(`${who} importerade ${list.length} mätvärden från ${source}.`, `${who} imported ${list.length} measurements from ${source}.`),
          changes: list.map((c) => ({ label: `${this.goalTitle(c.goal)} ${String(c.period)}`, from: this.number(c.previous), to: this.number(c.value) })),
        };
      }
      case 'resource.committed':
      case 'resource.withdrawn': {
        const c = obj(p.commitment);
        const party = this.org(c.organisation);
        const kind = this.word(RESOURCE_KIND_WORDS, c.kind) ?? '';
        const committed = type === 'resource.committed';
        return {
          text: committed
            ? w(
                `${who} registrerade att ${party} åtar sig resurser (${kind})${this.onBehalf(p)}.`,
                `${who} recorded that ${party} commits resources (${kind})${this.onBehalf(p)}.`,
              )
            : w(
                `${who} drog tillbaka ${party}s åtagande (${kind})${this.onBehalf(p)}.`,
                `${who} withdrew the commitment of ${party} (${kind})${this.onBehalf(p)}.`,
              ),
          changes: committed ? this.added(c, COMMITMENT_FIELDS(this)) : this.diff(c, {}, COMMITMENT_FIELDS(this)),
        };
      }
      case 'action.added': {
        const action = obj(p.action);
        return {
          text: w(`${who} lade till åtgärden "${String(action.title)}".`, `${who} added the action "${String(action.title)}".`),
          changes: this.added(action, ACTION_FIELDS(this)).filter((c) => c.label !== w('Titel', 'Title')),
        };
      }
      case 'action.updated': {
        const title = String(obj(p.to).title ?? '');
        return {
          text: w(`${who} ändrade åtgärden "${title}".`, `${who} changed the action "${title}".`),
          changes: this.diff(p.from, p.to, ACTION_FIELDS(this)),
        };
      }
      case 'escalation.raised':
      case 'escalation.acknowledged': {
        const e = obj(p.escalation);
        const state = String(p.state);
        const step = wf.steps.get(state)?.title[this.lang] ?? w('ett steg', 'a step');
        const level = this.levelTitle(state, e.rung, e.level);
        if (type === 'escalation.acknowledged') {
          return {
            text: w(`${who} kvitterade ${level} i steget "${step}".`, `${who} acknowledged ${level} in the step "${step}".`),
            changes: typeof p.comment === 'string' ? [{ label: w('Kommentar', 'Comment'), from: null, to: text(p.comment) }] : [],
          };
        }
        const deadline = obj(p.deadline);
        const notified = this.list(p.notified, (n) => {
          const r = obj(n);
          return `${person(r.person) ?? w('en person', 'a person')} (${this.list(r.roles, (x) => roleTitle(String(x), this.lang))})`;
        });
        const unfilled = this.list(p.unfilledRoles, (x) => roleTitle(String(x), this.lang));
        return {
          text: w(
            `${level}: ärendet har stått i steget "${step}" till tidsgränsen ${date(deadline.dueOn) ?? ''}.`,
            `${level}: the case has stayed in the step "${step}" until its deadline ${date(deadline.dueOn) ?? ''}.`,
          ),
          changes: [
            { label: w('Underrättade', 'Notified'), from: null, to: notified ?? w('ingen', 'nobody') },
            ...(unfilled ? [{ label: w('Roller utan innehavare', 'Roles without a holder'), from: null, to: unfilled }] : []),
          ],
        };
      }
      default:
        return { text: w(`${who} gjorde en ändring i ärendet.`, `${who} changed the case.`), changes: [] };
    }
  }

  private levelTitle(state: string, rung: unknown, level: unknown): string {
    const ladder = stateMeta(this.look.workflow, state)?.escalation ?? [];
    const found = typeof rung === 'number' ? ladder[rung] : ladder.find((l) => l.level === level);
    return found?.title?.[this.lang] ?? this.w('en eskalering', 'an escalation');
  }
}

type Fields = Array<[string, L, (v: unknown) => string | null]>;

const PARTY_FIELDS = (d: Describer): Fields => [
  ['responsibilities', T('Ansvar', 'Responsibilities'), (v) => d.list(v, (r) => d.word(RESPONSIBILITY_WORDS, r))],
  ['mustSign', T('Ska skriva under', 'Must sign'), (v) => d.yesNo(v)],
  ['benefit', T('Nytta av samverkan', 'Benefit of the collaboration'), (v) => d.textOf(v)],
];

const ROLE_FIELDS = (d: Describer): Fields => [
  ['holder', T('Innehavare', 'Holder'), (v) => d.personName(v)],
  ['deputy', T('Ersättare', 'Deputy'), (v) => d.personName(v)],
  ['required', T('Krävs', 'Required'), (v) => d.yesNo(v)],
  ['vacantSince', T('Vakant sedan', 'Vacant since'), (v) => d.date(v)],
];

const POINT_FIELDS = (d: Describer): Fields => [
  ['title', T('Titel', 'Title'), (v) => d.textOf(v)],
  ['referenceText', T('Referenstext', 'Reference text'), (v) => d.textOf(v)],
  ['boards', T('Nämnder som beslutar', 'Boards that decide'), (v) => d.list(v, (b) => d.boardName(b))],
];

const DECISION_FIELDS = (d: Describer): Fields => [
  ['status', T('Status', 'Status'), (v) => d.word(DECISION_STATUS_WORDS, v)],
  ['text', T('Beslutstext', 'Decision text'), (v) => d.textOf(v)],
  ['meetingDate', T('Sammanträde', 'Meeting'), (v) => d.date(v)],
  ['minutesParagraph', T('Paragraf', 'Minutes paragraph'), (v) => d.textOf(v)],
  ['minutesApprovedDate', T('Protokollet justerat', 'Minutes approved'), (v) => d.date(v)],
  ['announcedDate', T('Anslaget', 'Announced'), (v) => d.date(v)],
  ['appealDeadline', T('Sista dag att överklaga', 'Last day to appeal'), (v) => d.date(v)],
];

const GOAL_FIELDS = (d: Describer): Fields => [
  ['title', T('Titel', 'Title'), (v) => d.textOf(v)],
  ['kpi', T('Kolada-nyckeltal', 'Kolada KPI'), (v) => d.textOf(v)],
  ['indicatorName', T('Indikator', 'Indicator'), (v) => d.textOf(v)],
  ['unit', T('Enhet', 'Unit'), (v) => d.textOf(v)],
  ['municipalityCode', T('Kommun- eller regionkod', 'Municipality or region code'), (v) => d.textOf(v)],
  ['organisationId', T('Mäts för', 'Measured for'), (v) => (typeof v === 'string' ? d.org(v) : null)],
  ['baselineValue', T('Utgångsvärde', 'Baseline'), (v) => d.number(v)],
  ['baselineYear', T('Utgångsår', 'Baseline year'), (v) => d.textOf(v === null || v === undefined ? null : String(v))],
  ['targetKind', T('Slag av målvärde', 'Kind of target'), (v) => d.word(TARGET_KIND_WORDS, v)],
  ['targetValue', T('Målvärde', 'Target'), (v) => d.number(v)],
  ['targetYear', T('Målår', 'Target year'), (v) => d.textOf(v === null || v === undefined ? null : String(v))],
  ['direction', T('Riktning', 'Direction'), (v) => d.word(DIRECTION_WORDS, v)],
];

const COMMITMENT_FIELDS = (d: Describer): Fields => [
  ['kind', T('Slag', 'Kind'), (v) => d.word(RESOURCE_KIND_WORDS, v)],
  ['amount', T('Omfattning', 'Amount'), (v) => d.number(v)],
  ['unit', T('Enhet', 'Unit'), (v) => d.textOf(v)],
  ['description', T('Beskrivning', 'Description'), (v) => d.textOf(v)],
  ['periodStart', T('Från', 'From'), (v) => d.date(v)],
  ['periodEnd', T('Till', 'Until'), (v) => d.date(v)],
];

const ACTION_FIELDS = (d: Describer): Fields => [
  ['title', T('Titel', 'Title'), (v) => d.textOf(v)],
  ['responsible', T('Ansvarig part', 'Responsible party'), (v) => (typeof v === 'string' ? d.org(v) : null)],
  ['dueDate', T('Klart senast', 'Due'), (v) => d.date(v)],
  ['status', T('Status', 'Status'), (v) => d.word(ACTION_STATUS_WORDS, v)],
  ['subgroup', T('Undergrupp', 'Subgroup'), (v) => d.list(v, (o) => d.org(o))],
  ['goal', T('Mål', 'Goal'), (v) => (typeof v === 'string' ? d.goalTitle(v) : null)],
];

/** The `meta` of a state of the workflow by its dot path. */
function stateMeta(workflow: CompiledWorkflow, path: string): StateConfig['meta'] | undefined {
  let states = workflow.definition.states;
  const keys = path.split('.');
  for (const [i, key] of keys.entries()) {
    const state = Object.hasOwn(states ?? {}, key) ? states[key] : undefined;
    if (!state) return undefined;
    if (i === keys.length - 1) return state.meta;
    states = state.states ?? {};
  }
  return undefined;
}

function obj(value: unknown): Payload {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Payload) : {};
}
