import { DomainError } from '../common/domain-error.js';
import type { LocalizedText } from '../common/i18n.js';
import { rolesFor, type CompiledWorkflow, type TransitionInfo } from '../definitions/compile-workflow.js';
import type { Actor, ActorOnCase } from './actor.js';
import { parseWorkflowRole, ROLE_TITLES } from '../definitions/roles.js';

/**
 * Who may do what. Every permission decision of the service is made here, so that it can be read
 * (and tested, see test/permissions.e2e.test.ts) in one place.
 *
 * Visibility comes first and is not here: a case, or anything on it, that the caller's
 * organisation is not party to answers 404 (CaseVisibilityGuard and the cases service). What
 * follows decides, on a visible case, what the caller's roles allow (403 with the reason).
 * On a case, `actor.roles` are the roles the person holds on that case (CaseRoleDirectory);
 * `actor.systemRoles` are roles beyond any case.
 */

/**
 * Two levels of day-to-day work on a case:
 * - running it (parties, roles, the chair, decision points, goals, the action plan, fields): the
 *   case's process owner, or the secretariat held for a party that leads;
 * - contributing to it (documents and signatures, resource commitments, measurements): any
 *   party's secretariat, or the process owner.
 */
const CONTRIBUTORS = ['secretariat', 'processOwner'];

/** The roles that may send an event handled by these candidate transitions (from the workflow's meta). */
export function rolesForEvent(workflow: CompiledWorkflow, candidates: readonly TransitionInfo[]): string[] {
  return [...new Set(candidates.flatMap((t) => rolesFor(workflow, t.source, t.event)))];
}

/**
 * Whether the actor holds a role that may send the event. Running a case is the leading party's:
 * a role the workflow names counts only when held for a leading party, unless the workflow
 * qualifies it (`"steeringGroup@decides"`, `"…@any"`: see ROLE_PARTIES in roles.ts). The case's
 * process owner counts whichever party holds the role; `system` is the scheduler.
 */
export function maySend(actor: ActorOnCase, workflow: CompiledWorkflow, candidates: readonly TransitionInfo[]): boolean {
  return rolesForEvent(workflow, candidates).some((entry) => holdsWorkflowRole(actor, entry));
}

/** Whether the actor holds one `meta.roles` entry, for a party it counts for. */
export function holdsWorkflowRole(actor: ActorOnCase, entry: string): boolean {
  const { role, party } = parseWorkflowRole(entry);
  if (actor.kind === 'system' || role === 'system') return actor.kind === 'system' && role === 'system';
  if (role === 'processOwner' && party === null) return actor.roles.includes('processOwner');
  const wanted = party ?? 'leads';
  return !!actor.holdings?.some(
    (h) => h.role === role && (wanted === 'any' || (wanted === 'leads' ? h.leads === true : !!h.responsibilities?.includes(wanted))),
  );
}

/**
 * @throws DomainError FORBIDDEN naming the roles that may send the event, and, for a role held for
 *   a party it does not count for, saying so
 */
export function assertMaySend(actor: ActorOnCase, workflow: CompiledWorkflow, candidates: readonly TransitionInfo[], event: string): void {
  if (maySend(actor, workflow, candidates)) return;
  const allowed = rolesForEvent(workflow, candidates);
  const names = [...new Set(allowed.map((entry) => parseWorkflowRole(entry).role))];
  const held = actor.roles.filter((r) => names.includes(r));
  if (!held.length) {
    throw new DomainError('FORBIDDEN', {
      sv: `bara ${rolesInSwedish(names)} får skicka ${event} här; du har ${rolesInSwedish(actor.roles)} i ärendet`,
      en: `only ${listRoles(names)} may send ${event} here; you hold ${listRoles(actor.roles)} on this case`,
    });
  }
  const described = (lang: 'sv' | 'en') => allowed.map((entry) => describeWorkflowRole(entry, lang)).join(lang === 'sv' ? ' eller ' : ' or ');
  throw new DomainError('FORBIDDEN', {
    sv: `Du har ${rolesInSwedish(held)} för en part som inte räknas för ${event} här; det skickas av ${described('sv')}.`,
    en: `You hold ${listRoles(held)} for a party that does not count for ${event} here; it is sent by ${described('en')}.`,
  });
}

const ROLE_PARTY_WORDS: Record<string, { sv: string; en: string }> = {
  leads: { sv: 'den ledande parten', en: 'the leading party' },
  decides: { sv: 'en beslutande part', en: 'a deciding party' },
  contributes: { sv: 'en bidragande part', en: 'a contributing party' },
  informed: { sv: 'en informerad part', en: 'an informed party' },
  any: { sv: 'vilken part som helst', en: 'any party' },
};

function describeWorkflowRole(entry: string, lang: 'sv' | 'en'): string {
  const { role, party } = parseWorkflowRole(entry);
  if (role === 'system' || (role === 'processOwner' && party === null)) return role;
  const words = ROLE_PARTY_WORDS[party ?? 'leads']?.[lang] ?? party;
  return lang === 'sv' ? `${rolesInSwedish([role])} för ${words}` : `${role} held for ${words}`;
}

/** @throws DomainError FORBIDDEN */
export function assertMayEditFields(actor: ActorOnCase): void {
  assertMayRunCase(actor, 'record case fields');
}

/**
 * Anyone signed in for a registered organisation may start a case; their organisation becomes its
 * leading party and they its secretariat, so the one who starts a case runs it.
 * @throws DomainError FORBIDDEN
 */
export function assertMayCreateCase(actor: Actor): void {
  if (actor.kind === 'person' && actor.personId) return;
  throw new DomainError('FORBIDDEN', {
    sv: 'bara en person som är registrerad för en organisation kan starta ett ärende',
    en: 'only a person registered for an organisation may start a case',
  });
}

/**
 * Running the case: its process owner, or the secretariat of a leading party.
 * @param what says what is being done, for the message: "change the parties"
 * @throws DomainError FORBIDDEN
 */
export function assertMayRunCase(actor: ActorOnCase, what: Activity): void {
  if (actor.kind === 'system' || actor.roles.includes('processOwner')) return;
  if (actor.holdings?.some((h) => h.role === 'secretariat' && h.leads)) return;
  const act = activity(what);
  throw new DomainError('FORBIDDEN', {
    sv: `bara processägaren eller den ledande partens sekretariat får ${act.sv}; du har ${rolesInSwedish(actor.roles)} i ärendet`,
    en: `only the process owner or the secretariat of the leading party may ${act.en}; you hold ${listRoles(actor.roles)} on this case`,
  });
}

/**
 * Contributing to the case: any party's secretariat, or the process owner.
 * @throws DomainError FORBIDDEN
 */
export function assertMayContribute(actor: ActorOnCase, what: Activity): void {
  if (actor.kind === 'system' || actor.roles.some((r) => CONTRIBUTORS.includes(r))) return;
  const act = activity(what);
  throw new DomainError('FORBIDDEN', {
    sv: `bara ${rolesInSwedish(CONTRIBUTORS)} får ${act.sv}; du har ${rolesInSwedish(actor.roles)} i ärendet`,
    en: `only ${listRoles(CONTRIBUTORS)} may ${act.en}; you hold ${listRoles(actor.roles)} on this case`,
  });
}

/** An organisation as messages name it. */
export interface NamedOrganisation {
  id: string;
  name: string;
}

/**
 * Whether the actor may register things for parties other than their own: the case's process
 * owner, or the secretariat of a leading party — those who run the case.
 */
export function mayActForOthers(actor: ActorOnCase): boolean {
  return actor.kind === 'system' || actor.roles.includes('processOwner') || !!actor.holdings?.some((h) => h.role === 'secretariat' && h.leads);
}

/**
 * Recording something *for an organisation* — its signature, its resource commitment, its
 * document or the document's file, a measurement of its goal: the one who records it acts for that
 * organisation. That is a contributor (see {@link assertMayContribute}) holding their role for
 * that very party; or, on its behalf, whoever may act for others ({@link mayActForOthers}), which
 * the history then records as `onBehalfOf`. Board decisions are stricter: see
 * {@link assertMayRecordDecision}.
 *
 * @param target the organisation the thing is for, or null for the case's own (a document of no
 *   party, from before documents had one): only those who may act for others touch it
 * @param own the name of the actor's organisation, for the message
 * @param what what is being recorded, as a verb phrase: `{ sv: 'registrera en underskrift', en: 'record a signature' }`
 * @returns 'own' when the actor acts for their own party, 'onBehalf' when for another's
 * @throws DomainError FORBIDDEN naming both organisations in words
 */
export function assertMayActFor(actor: ActorOnCase, target: NamedOrganisation | null, own: string, what: LocalizedText): 'own' | 'onBehalf' {
  if (actor.kind === 'system') return 'own';
  if (target && actor.holdings?.some((h) => h.organisationId === target.id && CONTRIBUTORS.includes(h.role))) return 'own';
  if (mayActForOthers(actor)) return 'onBehalf';
  if (!target) {
    throw new DomainError('FORBIDDEN', {
      sv: `Det här hör till ärendet som helhet och inte till någon part: bara den ledande partens sekretariat eller ärendets processägare kan ${what.sv}.`,
      en: `This belongs to the case as a whole, not to a party: only the leading party's secretariat or the case's process owner may ${what.en}.`,
    });
  }
  throw new DomainError('FORBIDDEN', {
    sv: `Du företräder ${own} och kan inte ${what.sv} för ${target.name}. Det gör ${genitive(target.name)} eget sekretariat, eller för dess räkning den ledande partens sekretariat eller ärendets processägare.`,
    en: `You represent ${own} and cannot ${what.en} for ${target.name}. ${target.name}'s own secretariat does that, or on its behalf the leading party's secretariat or the case's process owner.`,
  });
}

/** "Region Kronoberg" → "Region Kronobergs"; a name ending in s, x or z takes no further s. */
function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/**
 * A board's decision is recorded only by the secretariat of the board's own organisation: each
 * party is its own authority, and its registry, not the lead's, is the source.
 * @throws DomainError FORBIDDEN
 */
export function assertMayRecordDecision(actor: ActorOnCase, boardOrganisationId: string, boardLabel: string): void {
  if (actor.kind === 'system') return;
  if (actor.holdings?.some((h) => h.role === 'secretariat' && h.organisationId === boardOrganisationId)) return;
  throw new DomainError('FORBIDDEN', {
    sv: `bara sekretariatet i nämndens egen organisation får registrera beslutet i ${boardLabel}`,
    en: `only the secretariat of the board's own organisation may record the decision of ${boardLabel}`,
  });
}

/**
 * Acknowledging an escalation: the managers the ladder escalates to (manager, steeringGroup), or
 * whoever the level told (a role it notifies), on that case.
 * @throws DomainError FORBIDDEN naming the roles that may
 */
export function assertMayAcknowledge(actor: ActorOnCase, notified: readonly string[]): void {
  const allowed = [...new Set(['manager', 'steeringGroup', ...notified])];
  if (actor.roles.some((r) => allowed.includes(r))) return;
  throw new DomainError('FORBIDDEN', {
    sv: `bara ${rolesInSwedish(allowed)} får kvittera den här eskaleringen; du har ${rolesInSwedish(actor.roles)} i ärendet`,
    en: `only ${listRoles(allowed)} may acknowledge this escalation; you hold ${listRoles(actor.roles)} on this case`,
  });
}

/**
 * The outbox spans every case and organisation: its operators, the administrators.
 * @throws DomainError FORBIDDEN
 */
export function assertMayKeepOutbox(actor: Actor): void {
  assertAdministrator(actor, 'look at or re-drive the outbox');
}

/** @throws DomainError FORBIDDEN */
export function assertMayKeepRegistry(actor: Actor): void {
  assertAdministrator(actor, 'change the registry of organisations and people');
}

/** Publishing workflow versions: the process owners of definitions. @throws DomainError FORBIDDEN */
export function assertMayPublishWorkflows(actor: Actor): void {
  if (ownsDefinitions(actor)) return;
  throw new DomainError('FORBIDDEN', {
    sv: 'bara en processägare för arbetsflödesdefinitioner får publicera versioner av arbetsflöden',
    en: 'only a process owner of workflow definitions may publish workflow versions',
  });
}

/**
 * Checking a workflow or rule sets before publishing: those who may publish. Checking runs the
 * sender's rules and examples, so it is not open to everyone signed in.
 * @throws DomainError FORBIDDEN
 */
export function assertMayCheckWorkflows(actor: Actor): void {
  if (ownsDefinitions(actor)) return;
  throw new DomainError('FORBIDDEN', {
    sv: 'bara en processägare för arbetsflödesdefinitioner får kontrollera arbetsflöden och regeluppsättningar',
    en: 'only a process owner of workflow definitions may check workflows and rule sets',
  });
}

/** The system roles that own workflow definitions: process owner, administrator. */
function ownsDefinitions(actor: Actor): boolean {
  return actor.systemRoles.includes('processOwner') || actor.systemRoles.includes('administrator');
}

/** @throws DomainError FORBIDDEN */
export function assertAdministrator(actor: Actor, what: Activity = 'manage API tokens'): void {
  if (actor.systemRoles.includes('administrator')) return;
  const act = activity(what);
  throw new DomainError('FORBIDDEN', { sv: `bara en administratör får ${act.sv}`, en: `only an administrator may ${act.en}` });
}

function listRoles(roles: readonly string[]): string {
  return roles.length ? roles.join(' or ') : 'no role';
}

/** Role names as a Swedish reader knows them ("sekretariat eller processägare"), not the keys. */
function rolesInSwedish(roles: readonly string[]): string {
  if (!roles.length) return 'ingen roll';
  return roles.map((r) => ROLE_TITLES[r as keyof typeof ROLE_TITLES]?.sv.toLowerCase() ?? r).join(' eller ');
}

/**
 * What is being done, for a refusal: a verb phrase in every language, or the English one of
 * {@link ACTIVITIES} (the services name their use case in English).
 */
export type Activity = string | LocalizedText;

/** The Swedish of the activities the services name in English. */
const ACTIVITIES: Record<string, string> = {
  'record case fields': 'registrera ärendets uppgifter',
  'set up decision points': 'lägga upp beslutspunkter',
  'change decision points': 'ändra beslutspunkter',
  'add documents': 'lägga till dokument',
  'store document files': 'spara dokumentfiler',
  'record signatures': 'registrera underskrifter',
  'record resource commitments': 'registrera resursåtaganden',
  'withdraw resource commitments': 'dra tillbaka resursåtaganden',
  'change the action plan': 'ändra handlingsplanen',
  'set goals': 'sätta mål',
  'change goals': 'ändra mål',
  'record measurements': 'registrera mätvärden',
  'import measurements': 'hämta mätvärden',
  'change the parties': 'ändra parterna',
  'assign roles': 'tilldela roller',
  'set up the chair rotation': 'bestämma rotationen av ordförandeskapet',
  'rotate the chair': 'rotera ordförandeskapet',
  'look at or re-drive the outbox': 'se eller skicka om utkorgen',
  'change the registry of organisations and people': 'ändra registret över organisationer och personer',
  'manage API tokens': 'hantera API-token',
};

function activity(what: Activity): LocalizedText {
  return typeof what === 'string' ? { sv: ACTIVITIES[what] ?? 'göra detta', en: what } : what;
}
