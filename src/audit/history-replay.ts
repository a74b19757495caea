import { canonicalJson } from '../common/canonical-json.js';
import type { LocalizedText } from '../common/i18n.js';

/** A record of the governance state, as plain JSON (dates as ISO texts), keyed in its section. */
type Item = Record<string, unknown>;

/** The sections of a case's governance state, in the order they are compared, with their names in words. */
export const SECTIONS = [
  { key: 'case', sv: 'ärendets steg', en: "the case's step" },
  { key: 'fields', sv: 'ärendets fält', en: "the case's fields" },
  { key: 'parties', sv: 'parterna', en: 'the parties' },
  { key: 'roles', sv: 'rollerna', en: 'the roles' },
  { key: 'decisionPoints', sv: 'beslutspunkterna', en: 'the decision points' },
  { key: 'decisions', sv: 'nämndernas beslut', en: 'the board decisions' },
  { key: 'documents', sv: 'dokumenten', en: 'the documents' },
  { key: 'signatures', sv: 'underskrifterna', en: 'the signatures' },
  { key: 'goals', sv: 'målen', en: 'the goals' },
  { key: 'measurements', sv: 'mätvärdena', en: 'the measurements' },
  { key: 'resources', sv: 'resursåtagandena', en: 'the resource commitments' },
  { key: 'actions', sv: 'åtgärderna', en: 'the actions' },
] as const;

export type Section = (typeof SECTIONS)[number]['key'];

/**
 * A case's governance state in one comparable shape: what replaying its history rebuilds, and what
 * its tables hold. Every section maps a key (an id, or a composite `a b`) to a JSON record.
 */
export type GovernanceState = Record<Section, Map<string, Item>>;

/** A stored history event as replay reads it. */
export interface ReplayEvent {
  seq: number;
  type: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/** What replay rebuilt, and which sections the history cannot rebuild (events from before they carried enough). */
export interface Replayed {
  state: GovernanceState;
  notComparable: Set<Section>;
}

export function emptyState(): GovernanceState {
  return Object.fromEntries(SECTIONS.map((section) => [section.key, new Map()])) as GovernanceState;
}

const obj = (value: unknown): Item => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Item) : {});
const text = (value: unknown): string => String(value);

/**
 * Rebuilds a case's governance state from its history, event by event, from the payloads alone.
 * Event types it does not know (escalations, …) change nothing here. Pure.
 */
export function replayHistory(events: readonly ReplayEvent[]): Replayed {
  const s = emptyState();
  const notComparable = new Set<Section>();
  const setRole = (summary: unknown) => {
    const { id, ...role } = obj(summary);
    s.roles.set(text(id), role);
  };
  for (const e of events) {
    const p = e.payload;
    switch (e.type) {
      case 'case.created': {
        const workflow = obj(p.workflow);
        s.case.set('case', { title: p.title, workflow: workflow.id, workflowVersion: workflow.version, state: p.to, status: statusOf(p.to) });
        const party = obj(p.party);
        s.parties.set(text(party.organisation), { responsibilities: party.responsibilities, mustSign: false, benefit: null });
        const role = obj(p.role);
        s.roles.set(text(role.id), {
          role: role.role,
          organisation: role.organisation,
          holder: role.holder ?? null,
          deputy: null,
          required: true,
          vacantSince: null,
        });
        break;
      }
      case 'case.transitioned': {
        const current = s.case.get('case') ?? {};
        s.case.set('case', { ...current, state: p.to, status: statusOf(p.to) });
        break;
      }
      case 'case.fields.updated':
        for (const [name, change] of Object.entries(obj(p.changes))) {
          const to = obj(change).to;
          if (to === null || to === undefined) s.fields.delete(name);
          else s.fields.set(name, { value: to });
        }
        break;
      case 'party.added': {
        s.parties.set(text(obj(p.organisation).id), { responsibilities: p.responsibilities, mustSign: p.mustSign, benefit: p.benefit });
        break;
      }
      case 'party.updated':
        s.parties.set(text(p.organisation), obj(p.to));
        break;
      case 'party.removed':
        s.parties.delete(text(p.organisation));
        for (const [id, role] of s.roles) if (role.organisation === p.organisation) s.roles.delete(id);
        break;
      case 'role.assigned':
        setRole(p.role);
        break;
      case 'role.updated':
        setRole(p.to);
        break;
      case 'role.removed':
        s.roles.delete(text(obj(p.role).id));
        break;
      case 'role.handedOver':
        for (const handed of Array.isArray(p.roles) ? p.roles : []) setRole(obj(handed).to);
        break;
      case 'chair.rotationSet':
        setRole(p.chair);
        break;
      case 'chair.rotated':
        for (const [id, role] of s.roles) {
          if (role.role !== 'chair') continue;
          s.roles.set(id, { ...role, organisation: p.to, holder: p.holder ?? null, deputy: null, vacantSince: p.holder ? null : e.occurredAt.toISOString() });
        }
        break;
      case 'decisionPoint.created':
        s.decisionPoints.set(text(p.key), { title: p.title, referenceText: p.referenceText, boards: p.boards });
        break;
      case 'decisionPoint.updated':
        s.decisionPoints.set(text(p.key), obj(p.to));
        break;
      case 'decision.recorded':
      case 'decision.corrected': // a corrected registration carries the decision as it now stands, like a recording
        s.decisions.set(`${text(p.decisionPoint)} ${text(p.board)}`, obj(p.to));
        break;
      case 'document.added': {
        const { id, ...document } = obj(p.document);
        s.documents.set(text(id), {
          ...document,
          confidential: document.confidential === true,
          ...(document.confidential ? { visibleTo: document.visibleTo } : { visibleTo: [] }),
          file: null,
        });
        break;
      }
      case 'document.fileStored': {
        const document = s.documents.get(text(p.document));
        if (document) s.documents.set(text(p.document), { ...document, file: { sha256: p.sha256, size: p.size } });
        break;
      }
      case 'document.signed':
        s.signatures.set(`${text(p.document)} ${text(p.organisation)}`, { signedOn: p.signedOn });
        break;
      case 'goal.created': {
        const { id, ...goal } = obj(p.goal);
        // Goals created before their id was recorded (docs/access-and-security.md, "What verify checks") cannot be matched to their rows.
        if (typeof id !== 'string') notComparable.add('goals').add('measurements');
        else s.goals.set(id, goal);
        break;
      }
      case 'goal.updated':
        s.goals.set(text(p.goal), obj(p.to));
        break;
      case 'measurement.recorded':
        s.measurements.set(`${text(p.goal)} ${text(p.period)}`, { value: p.value });
        break;
      case 'measurements.imported':
        for (const change of Array.isArray(p.changes) ? p.changes : []) {
          const c = obj(change);
          s.measurements.set(`${text(c.goal)} ${text(c.period)}`, { value: c.value });
        }
        break;
      case 'resource.committed': {
        const { id, ...commitment } = obj(p.commitment);
        s.resources.set(text(id), commitment);
        break;
      }
      case 'resource.withdrawn':
        s.resources.delete(text(obj(p.commitment).id));
        break;
      case 'action.added': {
        const { id, ...action } = obj(p.action);
        s.actions.set(text(id), action);
        break;
      }
      case 'action.updated': {
        const { id, ...action } = obj(p.to);
        s.actions.set(text(id ?? p.action), action);
        break;
      }
      default:
        break;
    }
  }
  return { state: s, notComparable };
}

function statusOf(state: unknown): 'active' | 'closed' {
  return obj(state).status === 'done' ? 'closed' : 'active';
}

/**
 * The first difference between the state the history rebuilds and the state the tables hold,
 * named in words, or null. Only what the history records is compared: a record's members that the
 * replay does not know (e.g. a confidential document's title, which the history leaves out) are
 * not. Sections in `skip` are not compared. Pure.
 */
export function firstDifference(replayed: GovernanceState, stored: GovernanceState, skip: ReadonlySet<Section> = new Set()): LocalizedText | null {
  for (const section of SECTIONS) {
    if (skip.has(section.key)) continue;
    const fromHistory = replayed[section.key];
    const inTables = stored[section.key];
    const keys = [...new Set([...fromHistory.keys(), ...inTables.keys()])].sort();
    for (const key of keys) {
      const h = fromHistory.get(key);
      const t = inTables.get(key);
      const what = { sv: `${section.sv}: ${key === 'case' ? 'ärendet' : `"${key}"`}`, en: `${section.en}: ${key === 'case' ? 'the case' : `"${key}"`}` };
      if (!t) return { sv: `${what.sv} finns i historiken men inte i databasen`, en: `${what.en} is in the history but not in the database` };
      if (!h) return { sv: `${what.sv} finns i databasen men inte i historiken`, en: `${what.en} is in the database but not in the history` };
      for (const member of Object.keys(h).sort()) {
        const a = canonicalJson(h[member] ?? null);
        const b = canonicalJson(t[member] ?? null);
        if (a !== b) {
          return {
            sv: `${what.sv} har ${member} = ${short(b)} i databasen, men historiken säger ${short(a)}`,
            en: `${what.en} has ${member} = ${short(b)} in the database, but the history says ${short(a)}`,
          };
        }
      }
    }
  }
  return null;
}

function short(json: string): string {
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}
