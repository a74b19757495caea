import { CASE_ROLES, parseWorkflowRole, ROLE_PARTIES, WORKFLOW_ROLES } from './roles.js';
import { type DefinitionProblem, knownOrSuggested, listNames, pointer, problemAt, type ProblemText } from './definition-error.js';
import { type ChildrenOf, DEFINITION_LIMITS as LIMITS, fileShapeProblem, firstTooDeep, jsonChildren } from './definition-limits.js';
import { GUARD_CATALOGUE } from './guard-catalogue.js';
import { schemaChecker } from './schema-check.js';
import { workflowSchema } from './schemas.js';
import { own } from '../common/own.js';
import type { LocalizedText } from '../common/i18n.js';
import { namesInRuleSet } from '../rules/references.js';
import type { RuleSetFile } from '../rules/rule-set-types.js';

const checkSchema = schemaChecker(workflowSchema);

/** What a workflow may refer to outside itself. */
export interface WorkflowValidationContext {
  /** Ids of the rule sets that exist. */
  ruleSetIds: ReadonlySet<string>;
  /**
   * The valid rule sets by id, so that the case fields and document kinds their conditions name
   * can be checked against what the workflow declares. A rule set missing here (it has problems
   * of its own, reported in its file) is not checked.
   */
  ruleSets?: ReadonlyMap<string, RuleSetFile>;
}

/**
 * Validates a workflow file: JSON Schema first, then the semantic checks that a schema cannot do
 * (targets exist, named guards and rule sets exist, roles are known and every event has some role
 * that may send it, escalation ladders are sound, every state is reachable, a final state is
 * reachable, no dead ends).
 *
 * Pure. Never throws on malformed input: every check tolerates the shapes the schema rejects, so
 * one run reports all problems at once.
 *
 * @param file  the path shown in messages, e.g. `workflows/samverkan.v1.json`
 * @param json  the parsed file
 */
export function validateWorkflow(file: string, json: unknown, ctx: WorkflowValidationContext): DefinitionProblem[] {
  const tooDeep = nestingProblem(file, json);
  if (tooDeep) return [tooDeep];
  const problems = checkSchema(file, json);
  if (!isObject(json)) return problems;
  const nodes = collectStates(json);
  const byPath = new Map(nodes.map((n) => [n.path.join('.'), n]));
  const say: Say = (segments, message) => problems.push(problemAt(file, pointer(...segments), message));
  if (nodes.length > LIMITS.states) {
    say(['states'], {
      sv: `ett arbetsflöde har högst ${LIMITS.states} steg, på alla nivåer, men det här har ${nodes.length}`,
      en: `a workflow has at most ${LIMITS.states} states, at all levels, but this one has ${nodes.length}`,
    });
  }

  checkFileName(file, json, say);
  checkDeclarations(json, say);
  checkInitials(json, nodes, say);
  checkRoleNames(json, nodes, say);
  for (const node of nodes) checkDeadline(node, say);

  const edges: Array<{ from: StateNode; to: StateNode }> = [];
  for (const node of nodes) {
    for (const t of transitionsOf(node)) {
      const where = [...node.pointer, 'on', t.event, ...t.index];
      const target = resolveTarget(json, node, t.target, byPath);
      if (target === 'invalid') {
        say(typeof t.raw === 'string' ? where : [...where, 'target'], describeBadTarget(t.target, node, json, byPath));
      } else {
        edges.push({ from: node, to: target });
      }
      checkGuard(t.raw, [...where], say);
      checkGate(t.raw, [...where], ctx, say);
      checkGateNames(json, t.raw, [...where], ctx, say);
      if (rolesFor(json, node, t.event) === undefined) {
        say([...node.pointer, 'on', t.event], {
          sv: `ingen roll får skicka "${t.event}" här: ange rollerna i "meta.roles" för arbetsflödet eller för det här steget`,
          en: `no role may send "${t.event}" here: name the roles in "meta.roles" of the workflow or of this state`,
        });
      }
    }
  }
  checkReachability(json, nodes, byPath, edges, say);
  return problems;
}

/** The sub-states of the workflow or of a state: those of its `states`. */
const subStates: ChildrenOf = (node, visit) => {
  if (isObject(node) && isObject(node.states)) for (const [key, child] of Object.entries(node.states)) visit(['states', key], child);
};

/**
 * Nesting that the recursive checks (the JSON Schema, `collectStates`) and XState must not meet:
 * states inside states too deep, or anything nested deeper than a file may be. Measured without
 * recursion, so that `states` nested 100,000 deep is one problem at its pointer, not a crash.
 */
function nestingProblem(file: string, json: unknown): DefinitionProblem | undefined {
  const states = firstTooDeep(json, LIMITS.stateDepth, subStates);
  if (states) {
    return problemAt(file, pointer(...states), {
      sv: `steg ligger högst ${LIMITS.stateDepth} nivåer i varandra (steg i steg)`,
      en: `states are nested at most ${LIMITS.stateDepth} deep (states inside states)`,
    });
  }
  const shape = fileShapeProblem(json, jsonChildren);
  return shape ? problemAt(file, shape.pointer, { sv: `ett arbetsflöde ${shape.message.sv}`, en: `a workflow ${shape.message.en}` }) : undefined;
}

/** A state found while walking the file, with where it is. */
interface StateNode {
  key: string;
  path: string[];
  pointer: Array<string | number>;
  config: Record<string, unknown>;
  parent: StateNode | undefined;
  children: StateNode[];
}

interface TransitionRef {
  event: string;
  index: number[];
  target: unknown;
  raw: unknown;
}

type Say = (segments: Array<string | number>, message: ProblemText) => void;

function collectStates(root: Record<string, unknown>): StateNode[] {
  const out: StateNode[] = [];
  const walk = (states: unknown, parent: StateNode | undefined, base: Array<string | number>, path: string[]) => {
    if (!isObject(states)) return;
    for (const [key, config] of Object.entries(states)) {
      if (!isObject(config)) continue;
      const node: StateNode = { key, path: [...path, key], pointer: [...base, 'states', key], config, parent, children: [] };
      out.push(node);
      parent?.children.push(node);
      walk(config.states, node, node.pointer, node.path);
    }
  };
  walk(root.states, undefined, [], []);
  return out;
}

function transitionsOf(node: StateNode): TransitionRef[] {
  const on = node.config.on;
  if (!isObject(on)) return [];
  const out: TransitionRef[] = [];
  for (const [event, spec] of Object.entries(on)) {
    if (Array.isArray(spec)) {
      spec.forEach((item, i) => {
        out.push({ event, index: [i], target: targetOf(item), raw: item });
      });
    } else {
      out.push({ event, index: [], target: targetOf(spec), raw: spec });
    }
  }
  return out;
}

function targetOf(spec: unknown): unknown {
  return typeof spec === 'string' ? spec : isObject(spec) ? spec.target : undefined;
}

/**
 * Resolves a target as XState v5 does: `"x"` is a sibling of the source state (a path `"x.y"`
 * goes down from there), `".x"` is a child of the source, `"#<workflow id>.a.b"` is absolute.
 */
function resolveTarget(root: Record<string, unknown>, source: StateNode, target: unknown, byPath: Map<string, StateNode>): StateNode | 'invalid' {
  if (typeof target !== 'string' || target.length === 0) return 'invalid';
  let path: string[];
  if (target.startsWith('#')) {
    const parts = target.slice(1).split('.');
    if (parts[0] !== root.id) return 'invalid';
    path = parts.slice(1);
  } else if (target.startsWith('.')) {
    path = [...source.path, ...target.slice(1).split('.')];
  } else {
    path = [...source.path.slice(0, -1), ...target.split('.')];
  }
  return byPath.get(path.join('.')) ?? 'invalid';
}

function describeBadTarget(target: unknown, source: StateNode, root: Record<string, unknown>, byPath: Map<string, StateNode>): ProblemText {
  if (typeof target !== 'string') return { sv: 'en övergång behöver ett "target" som anger ett steg', en: 'a transition needs a "target" naming a state' };
  if (target.startsWith('#')) {
    const id = typeof root.id === 'string' ? root.id : '<workflow id>';
    return unknownState(
      target,
      [...byPath.keys()].map((p) => `#${id}.${p}`),
    );
  }
  if (target.startsWith('.') && source.children.length === 0) {
    const from = source.path.join('.');
    return {
      sv: `okänt steg "${target}": ett target som börjar med "." anger ett delsteg, och "${from}" har inga`,
      en: `unknown state "${target}": a target starting with "." names a sub-state, and "${from}" has none`,
    };
  }
  const known = target.startsWith('.')
    ? source.children.map((c) => `.${c.key}`)
    : (source.parent?.children ?? [...byPath.values()].filter((n) => !n.parent)).map((c) => c.key);
  return unknownState(target, known);
}

function unknownState(name: string, known: readonly string[]): ProblemText {
  return { sv: `okänt steg "${name}" (kända: ${listNames(known, 12, 'sv')})`, en: `unknown state "${name}" (known: ${listNames(known)})` };
}

function checkFileName(file: string, json: Record<string, unknown>, say: Say): void {
  if (typeof json.id !== 'string' || typeof json.version !== 'number') return; // the schema has said it
  const base = file.split(/[\\/]/).pop() ?? file;
  const expected = `${json.id}.v${json.version}.json`;
  if (base !== expected) {
    say(['id'], {
      sv: `filen måste heta "${expected}" efter sitt id och sin version, inte "${base}"`,
      en: `the file must be named "${expected}" after its id and version, not "${base}"`,
    });
  }
}

function checkInitials(root: Record<string, unknown>, nodes: StateNode[], say: Say): void {
  const rootKeys = isObject(root.states) ? Object.keys(root.states) : [];
  if (typeof root.initial === 'string' && rootKeys.length && !rootKeys.includes(root.initial)) {
    say(['initial'], unknownState(root.initial, rootKeys));
  }
  for (const node of nodes) {
    const { type, initial, states, on } = node.config;
    const childKeys = node.children.map((c) => c.key);
    if (type === 'final') {
      if (states !== undefined) say([...node.pointer, 'states'], { sv: 'ett slutsteg kan inte ha delsteg', en: 'a final state cannot have sub-states' });
      if (on !== undefined)
        say([...node.pointer, 'on'], {
          sv: 'ett slutsteg kan inte ha övergångar: inget händer efter det',
          en: 'a final state cannot have transitions: nothing happens after it',
        });
      continue;
    }
    if (type === 'parallel') {
      if (!childKeys.length)
        say(node.pointer, { sv: 'ett parallellt steg behöver "states": dess regioner', en: 'a parallel state needs "states": its regions' });
      if (initial !== undefined) {
        say([...node.pointer, 'initial'], {
          sv: 'ett parallellt steg går in i alla sina regioner på en gång och har inget "initial"',
          en: 'a parallel state enters all its regions at once and has no "initial"',
        });
      }
      continue;
    }
    if (childKeys.length) {
      if (initial === undefined) {
        say(node.pointer, {
          sv: `nyckeln "initial" saknas: vilket av ${listNames(childKeys, 12, 'sv')} som kommer först`,
          en: `missing required key "initial": which of ${listNames(childKeys)} to enter first`,
        });
      } else if (typeof initial === 'string' && !childKeys.includes(initial)) {
        say([...node.pointer, 'initial'], unknownState(initial, childKeys));
      }
    } else if (initial !== undefined) {
      say([...node.pointer, 'initial'], { sv: 'ett steg utan delsteg har inget "initial"', en: 'a state without sub-states has no "initial"' });
    }
  }
}

function checkRoleNames(root: Record<string, unknown>, nodes: StateNode[], say: Say): void {
  const check = (roles: unknown, base: Array<string | number>) => {
    if (!isObject(roles)) return;
    for (const [event, list] of Object.entries(roles)) {
      if (!Array.isArray(list)) continue;
      list.forEach((role, i) => {
        if (typeof role !== 'string') return;
        const { role: name, party } = parseWorkflowRole(role);
        if (!WORKFLOW_ROLES.includes(name)) {
          say([...base, 'roles', event, i], {
            sv: `okänd roll "${name}" (kända: ${listNames(WORKFLOW_ROLES)})`,
            en: `unknown role "${name}" (known: ${listNames(WORKFLOW_ROLES)})`,
          });
        } else if (party !== null && (name === 'system' || !(ROLE_PARTIES as readonly string[]).includes(party))) {
          say(
            [...base, 'roles', event, i],
            name === 'system'
              ? { sv: 'systemrollen innehas inte för någon part: skriv "system"', en: 'the system role is held for no party: write "system"' }
              : {
                  sv: `"${role}": efter "@" kommer de parter som rollen räknas för (kända: ${listNames(ROLE_PARTIES)})`,
                  en: `"${role}": after "@" comes the parties the role counts for (known: ${listNames(ROLE_PARTIES)})`,
                },
          );
        }
      });
    }
  };
  if (isObject(root.meta)) check(root.meta.roles, ['meta']);
  for (const node of nodes) {
    if (isObject(node.config.meta)) check(node.config.meta.roles, [...node.pointer, 'meta']);
  }
}

const OFFSET_UNITS = ['workingDays', 'calendarDays', 'hours'] as const;
const UNIT_WORDS: Record<(typeof OFFSET_UNITS)[number], LocalizedText> = {
  workingDays: { sv: 'arbetsdagar', en: 'working days' },
  calendarDays: { sv: 'kalenderdagar', en: 'calendar days' },
  hours: { sv: 'timmar', en: 'hours' },
};

/**
 * A state's deadline and escalation ladder: no deadline on a final state; a ladder needs an SLA,
 * names roles on the case, gives each offset in exactly one unit, the same unit on every level, in
 * strictly increasing time order, and no level before the step can have begun.
 */
function checkDeadline(node: StateNode, say: Say): void {
  const meta = node.config.meta;
  if (!isObject(meta)) return;
  const at = [...node.pointer, 'meta'];
  if (node.config.type === 'final') {
    for (const key of ['sla', 'escalation']) {
      if (meta[key] !== undefined) {
        say([...at, key], {
          sv: `ett slutsteg har ingen tidsgräns: inget händer efter det, så ta bort "${key}"`,
          en: `a final state has no deadline: nothing happens after it, so remove "${key}"`,
        });
      }
    }
    return;
  }
  const ladder = meta.escalation;
  if (!Array.isArray(ladder)) return;
  if (meta.sla === undefined) {
    say([...at, 'escalation'], {
      sv: 'en eskaleringstrappa behöver en tidsgräns ("sla") i samma "meta": dess nivåer räknas från tidsgränsen',
      en: 'an escalation ladder needs an SLA ("sla") in the same "meta": its levels are counted from the deadline',
    });
  }
  const sla = isObject(meta.sla) ? offsetOf(meta.sla) : undefined;
  const names = new Set<string>();
  let previous: { name: string; unit: (typeof OFFSET_UNITS)[number]; value: number } | undefined;
  ladder.forEach((item, i) => {
    if (!isObject(item)) return;
    const where = [...at, 'escalation', i];
    const name = typeof item.level === 'string' ? item.level : `#${i + 1}`;
    if (names.has(name)) {
      say([...where, 'level'], {
        sv: `nivån "${name}" förekommer två gånger i trappan; ge varje nivå ett eget namn`,
        en: `the level "${name}" is named twice in this ladder; give each level its own name`,
      });
    }
    names.add(name);
    if (Array.isArray(item.notify)) {
      item.notify.forEach((role, j) => {
        if (typeof role === 'string' && !(CASE_ROLES as readonly string[]).includes(role)) {
          say([...where, 'notify', j], {
            sv: `okänd roll "${role}": en nivå underrättar roller i ärendet (kända: ${listNames(CASE_ROLES)})`,
            en: `unknown role "${role}": a level notifies roles on the case (known: ${listNames(CASE_ROLES)})`,
          });
        }
      });
    }
    if (!isObject(item.at)) return; // the schema has said it
    const offset = offsetOf(item.at);
    if (!offset) {
      if (Object.keys(item.at).every((k) => (OFFSET_UNITS as readonly string[]).includes(k))) {
        say([...where, 'at'], {
          sv: 'en förskjutning ska ange exakt ett av "workingDays", "calendarDays" eller "hours"',
          en: 'an offset must give exactly one of "workingDays", "calendarDays" or "hours"',
        });
      }
      return;
    }
    if (typeof offset.value !== 'number' || !Number.isInteger(offset.value)) return; // the schema has said it
    const here = { name, unit: offset.unit, value: offset.value };
    if (previous && previous.unit !== here.unit) {
      say([...where, 'at'], {
        sv: `alla nivåer i en trappa räknas i samma enhet, så att ordningen är tydlig: använd "${previous.unit}" som nivån före`,
        en: `every level of a ladder counts in one unit, so that their order is clear: use "${previous.unit}" as the level before does`,
      });
      return;
    }
    if (previous && here.value <= previous.value) {
      const [h, p] = [UNIT_WORDS[here.unit], UNIT_WORDS[previous.unit]];
      say([...where, 'at', here.unit], {
        sv: `nivåerna måste komma i tidsordning: "${here.name}" (${here.value} ${h.sv}) kommer inte efter "${previous.name}" (${previous.value} ${p.sv})`,
        en: `the levels must come in time order: "${here.name}" (${here.value} ${h.en}) is not after "${previous.name}" (${previous.value} ${p.en})`,
      });
    } else if (
      sla &&
      sla.unit === here.unit &&
      Number.isInteger(sla.value) &&
      (sla.value as number) >= 1 &&
      here.value < 0 &&
      -here.value >= (sla.value as number)
    ) {
      const [h, d] = [UNIT_WORDS[here.unit], UNIT_WORDS[sla.unit]];
      say([...where, 'at', here.unit], {
        sv: `${-here.value} ${h.sv} före tidsgränsen är inte efter att steget börjar (tidsgränsen är ${String(sla.value)} ${d.sv})`,
        en: `${-here.value} ${h.en} before the deadline is not after the step begins (the SLA is ${String(sla.value)} ${d.en})`,
      });
    }
    previous = here;
  });
}

/** The one unit and value of an SLA or offset, or undefined when it does not give exactly one. */
function offsetOf(json: Record<string, unknown>): { unit: (typeof OFFSET_UNITS)[number]; value: unknown } | undefined {
  const units = OFFSET_UNITS.filter((u) => json[u] !== undefined);
  return units.length === 1 ? { unit: units[0]!, value: json[units[0]!] } : undefined;
}

function checkGuard(raw: unknown, where: Array<string | number>, say: Say): void {
  if (!isObject(raw) || raw.guard === undefined) return;
  const guard = raw.guard;
  const name = typeof guard === 'string' ? guard : isObject(guard) ? guard.type : undefined;
  if (typeof name !== 'string') return; // the schema has said it
  const info = own(GUARD_CATALOGUE, name);
  const at = typeof guard === 'string' ? [...where, 'guard'] : [...where, 'guard', 'type'];
  if (!info) {
    const known = listNames(Object.keys(GUARD_CATALOGUE));
    say(at, {
      sv: `okänt villkor (guard) "${name}" (kända: ${known}); villkor på ärendets uppgifter hör hemma i en grind ("meta.gate")`,
      en: `unknown guard "${name}" (known: ${known}); conditions on case data belong in a gate ("meta.gate")`,
    });
    return;
  }
  const params = isObject(guard) && isObject(guard.params) ? Object.keys(guard.params) : [];
  for (const p of params) {
    if (!(info.params ?? []).includes(p)) {
      const takes = info.params?.length ? listNames(info.params) : undefined;
      say([...where, 'guard', 'params', p], {
        sv: `villkoret (guard) "${name}" tar ingen parameter "${p}"${takes ? ` (det tar ${takes})` : ''}`,
        en: `guard "${name}" takes no parameter "${p}"${takes ? ` (it takes ${takes})` : ''}`,
      });
    }
  }
}

function checkGate(raw: unknown, where: Array<string | number>, ctx: WorkflowValidationContext, say: Say): void {
  if (!isObject(raw) || !isObject(raw.meta) || !Array.isArray(raw.meta.gate)) return;
  raw.meta.gate.forEach((id, i) => {
    if (typeof id === 'string' && !ctx.ruleSetIds.has(id)) {
      const hint = knownOrSuggested(id, [...ctx.ruleSetIds].sort(), { sv: 'mappen rules/', en: 'the folder rules/' });
      say([...where, 'meta', 'gate', i], {
        sv: `okänd regeluppsättning "${id}" ${hint.sv}; en regeluppsättning är en fil rules/<id>.json`,
        en: `unknown rule set "${id}" ${hint.en}; a rule set is a file rules/<id>.json`,
      });
    }
  });
}

/** The words of the two kinds of declaration, for messages. */
const DECLARED = {
  field: { list: 'fields', sv: 'fältet', en: 'the field', svPlural: 'fält', enPlural: 'fields' },
  documentKind: { list: 'documentKinds', sv: 'dokumentslaget', en: 'the document kind', svPlural: 'dokumentslag', enPlural: 'document kinds' },
} as const;

/**
 * Each field and document kind is declared once, and a field's key is not a member of every
 * JavaScript object (`constructor`, `toString`): the case fields refuse those names, so such a
 * field could never be filled. (The schema has said which document kinds there are.)
 */
function checkDeclarations(root: Record<string, unknown>, say: Say): void {
  if (!isObject(root.meta)) return;
  for (const kind of ['field', 'documentKind'] as const) {
    const list = root.meta[DECLARED[kind].list];
    if (!Array.isArray(list)) continue;
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      if (!isObject(item) || typeof item.key !== 'string') return;
      const at = ['meta', DECLARED[kind].list, i, 'key'];
      const first = seen.get(item.key);
      if (first !== undefined) {
        say(at, {
          sv: `${DECLARED[kind].sv} "${item.key}" deklareras redan i element ${first}; deklarera det en gång`,
          en: `${DECLARED[kind].en} "${item.key}" is already declared in element ${first}; declare it once`,
        });
      } else if (kind === 'field' && item.key in Object.prototype) {
        say(at, {
          sv: `"${item.key}" är ett reserverat namn (alla JavaScript-objekt har en medlem med det namnet); välj en annan nyckel`,
          en: `"${item.key}" is a reserved name (every JavaScript object has a member of that name); choose another key`,
        });
      }
      if (first === undefined) seen.set(item.key, i);
    });
  }
}

/** The keys a workflow file declares in `meta.fields` or `meta.documentKinds` (tolerating any shape). */
function declaredKeys(meta: Record<string, unknown>, list: string): string[] {
  const items = meta[list];
  return Array.isArray(items)
    ? items
        .filter(isObject)
        .map((i) => i.key)
        .filter((k): k is string => typeof k === 'string')
    : [];
}

/**
 * Every case field and document kind the rule sets of a gate name is declared by the workflow
 * (`meta.fields`, `meta.documentKinds`): a gate can then say what is missing by its label, and a
 * field or kind spelt differently in a rule set is found before any case runs. Rule sets are
 * shared by workflows, so the problem is the workflow's, at the gate that pins the rule set.
 */
function checkGateNames(root: Record<string, unknown>, raw: unknown, where: Array<string | number>, ctx: WorkflowValidationContext, say: Say): void {
  if (!ctx.ruleSets || !isObject(raw) || !isObject(raw.meta) || !Array.isArray(raw.meta.gate)) return;
  const meta = isObject(root.meta) ? root.meta : {};
  raw.meta.gate.forEach((id, i) => {
    const ruleSet = typeof id === 'string' ? ctx.ruleSets!.get(id) : undefined;
    if (!ruleSet) return;
    const reported = new Set<string>();
    for (const ref of namesInRuleSet(ruleSet)) {
      const words = DECLARED[ref.kind];
      const known = declaredKeys(meta, words.list);
      if (known.includes(ref.key)) continue;
      if (reported.has(`${ref.kind} ${ref.key}`)) continue;
      reported.add(`${ref.kind} ${ref.key}`);
      const source = `rules/${id as string}.json#${pointer(...ref.at)}`;
      say([...where, 'meta', 'gate', i], {
        sv: `regeluppsättningen "${id as string}" nämner ${words.sv} "${ref.key}" (${source}), men arbetsflödet deklarerar det inte; lägg till det i "meta.${words.list}" med etikett på svenska och engelska (deklarerade ${words.svPlural}: ${known.length ? listNames(known, 12, 'sv') : 'inga'})`,
        en: `rule set "${id as string}" names ${words.en} "${ref.key}" (${source}), which the workflow does not declare; add it to "meta.${words.list}" with a label in Swedish and English (declared ${words.enPlural}: ${known.length ? listNames(known) : 'none'})`,
      });
    }
  });
}

/** The roles that may send `event` while `node` is active: the nearest `meta.roles` that names it. */
function rolesFor(root: Record<string, unknown>, node: StateNode, event: string): unknown {
  for (let n: StateNode | undefined = node; n; n = n.parent) {
    const meta = n.config.meta;
    if (isObject(meta) && isObject(meta.roles) && meta.roles[event] !== undefined) return meta.roles[event];
  }
  if (isObject(root.meta) && isObject(root.meta.roles)) return root.meta.roles[event];
  return undefined;
}

function checkReachability(
  root: Record<string, unknown>,
  nodes: StateNode[],
  byPath: Map<string, StateNode>,
  edges: Array<{ from: StateNode; to: StateNode }>,
  say: Say,
): void {
  const initial = typeof root.initial === 'string' ? byPath.get(root.initial) : undefined;
  if (!initial) return; // reported by checkInitials or the schema
  const entered = new Set<StateNode>();
  const queue: StateNode[] = [];
  const enter = (node: StateNode) => {
    if (entered.has(node)) return;
    entered.add(node);
    queue.push(node);
    if (node.parent) enter(node.parent);
    if (node.config.type === 'parallel') node.children.forEach(enter);
    else if (node.children.length) {
      const first = node.children.find((c) => c.key === node.config.initial);
      if (first) enter(first);
    }
  };
  enter(initial);
  while (queue.length) {
    const node = queue.shift()!;
    for (const edge of edges) if (edge.from === node) enter(edge.to);
  }
  for (const node of nodes) {
    if (!entered.has(node)) {
      const [state, start] = [node.path.join('.'), String(root.initial)];
      say(node.pointer, {
        sv: `steget "${state}" går inte att nå från startsteget "${start}"`,
        en: `state "${state}" cannot be reached from the initial state "${start}"`,
      });
    }
  }
  const finals = nodes.filter((n) => !n.parent && n.config.type === 'final');
  if (!finals.some((n) => entered.has(n))) {
    const names = listNames(finals.map((n) => n.key));
    say(
      ['states'],
      finals.length
        ? { sv: `inget slutsteg går att nå (slutsteg: ${names})`, en: `no final state can be reached (final: ${names})` }
        : {
            sv: 'arbetsflödet har inget slutsteg ("type": "final"): ett ärende skulle aldrig kunna avslutas',
            en: 'the workflow has no final state ("type": "final"): a case could never be closed',
          },
    );
  }
  for (const node of nodes) {
    if (node.children.length || node.config.type === 'final' || !entered.has(node)) continue;
    const hasWayOut = (function up(n: StateNode | undefined): boolean {
      if (!n) return false;
      return isObject(n.config.on) && Object.keys(n.config.on).length > 0 ? true : up(n.parent);
    })(node);
    if (!hasWayOut) {
      const state = node.path.join('.');
      say(node.pointer, {
        sv: `steget "${state}" är en återvändsgränd: det har inga övergångar och är inget slutsteg`,
        en: `state "${state}" is a dead end: it has no transitions and is not final`,
      });
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
