import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { LockMode, MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { compileWorkflow, type CompiledWorkflow } from './compile-workflow.js';
import { type DefinitionProblem, InvalidDefinitionsError, problemAt } from './definition-error.js';
import { loadAndValidate, readJsonFiles, validateLoaded } from './definition-files.js';
import type { RuleSetFile } from '../rules/rule-set-types.js';
import { WorkflowDefinitionRecord } from './workflow-definition.entity.js';

/** Definitions sent over the API: a workflow and/or rule sets, as parsed JSON. */
export interface Submission {
  workflow?: unknown;
  ruleSets?: unknown[];
}

/** A workflow version as listed in the catalogue. */
export interface WorkflowSummary {
  id: string;
  version: number;
  title: CompiledWorkflow['title'];
  description?: CompiledWorkflow['description'];
  latest: boolean;
}

/** What identifies a published row's content: a version without cases may still be published again with other content. */
interface RowHead {
  version: number;
  hash: string;
  rules_hash: string;
}

/** A compiled version and the content it was compiled from. */
interface CachedVersion {
  workflow: CompiledWorkflow;
  hash: string;
  rulesHash: string;
  /** Compiled from the row while a case was pinned to it: the row can no longer change. */
  frozen: boolean;
}

// The newest version, locked FOR KEY SHARE until the command commits: a publish of the same
// version (FOR UPDATE) waits for the new case and then sees it, so it cannot edit a version under
// a case that is starting on it. The foreign key of cases takes the same lock at commit anyway.
// The primary key (workflow_id, version) answers it with one backward index step.
const NEWEST_SQL = 'select version, hash, rules_hash from workflow_definitions where workflow_id = ? order by version desc limit 1 for key share';
const VERSION_FOR_NEW_CASE_SQL = 'select version, hash, rules_hash from workflow_definitions where workflow_id = ? and version = ? for key share';
const VERSION_SQL = 'select version, hash, rules_hash from workflow_definitions where workflow_id = ? and version = ?';

/**
 * The workflow versions the service runs, by (id, version).
 *
 * Several instances serve one database, and any of them may publish: which version is the newest
 * is therefore always read from the database (one indexed query, when a case starts without a
 * version and when listing), never kept in memory. Compiled versions are cached by (id, version)
 * and content hash: a version that a case is pinned to never changes, so it is trusted once read
 * with a case on it; a version without cases may be published again, so until then it is checked
 * against the row's hash before use.
 *
 * At start it validates every file in `workflows/` and `rules/` (refusing to start on any problem,
 * listing them all) and publishes each workflow version with its rule sets to the database. A
 * version that cases already use is never changed: an edited file for such a version stops the
 * start with a message saying to save the change as a new version. Cases always run on the
 * published row they are pinned to, so they keep their definition whatever happens to the files.
 */
/**
 * How many cases run on a workflow version. The registry asks before it accepts a changed file
 * for a version that cases already use (a used version is never edited); the cases, a layer
 * above, answer under {@link VERSION_USAGE}, so the registry names no case table.
 */
export interface VersionUsage {
  /** Reads in the caller's transaction. */
  casesOn(em: EntityManager, workflowId: string, version: number): Promise<number>;
}

/** Nest token under which the cases provide {@link VersionUsage}. */
export const VERSION_USAGE = Symbol('VersionUsage');

@Injectable()
export class DefinitionRegistry implements OnModuleInit {
  private readonly logger = new Logger('Definitions');
  private readonly compiled = new Map<string, CachedVersion>();

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VERSION_USAGE) private readonly usage: VersionUsage,
  ) {}

  async onModuleInit(): Promise<void> {
    const loaded = await loadAndValidate(this.config.workflowsDir, this.config.rulesDir);
    if (loaded.problems.length) throw new InvalidDefinitionsError(loaded.problems);
    const problems: DefinitionProblem[] = [];
    for (const { file, definition } of loaded.workflows) {
      const workflow = compileWorkflow(definition, loaded.ruleSets);
      const problem = await this.publish(file, workflow);
      if (problem) problems.push(problem);
    }
    if (problems.length) throw new InvalidDefinitionsError(problems);
    await this.loadPublished();
  }

  /**
   * The version a new case starts on: the newest published one (read from the database, so a
   * version another instance published a moment ago counts) or the one asked for. Call it inside
   * the command's transaction and pass its `em`: the row is locked FOR KEY SHARE until it commits
   * (and the embedded database has one connection). A version published after this read, while the
   * command runs, is not seen: the case starts on the newest version committed when it was read.
   * @throws DomainError WORKFLOW_NOT_FOUND
   */
  async forNewCase(workflowId: string, version: number | undefined, em: EntityManager): Promise<CompiledWorkflow> {
    const [head] = await em.execute<RowHead[]>(
      version === undefined ? NEWEST_SQL : VERSION_FOR_NEW_CASE_SQL,
      version === undefined ? [workflowId] : [workflowId, version],
    );
    if (!head) throw await this.notFound(workflowId, version, em);
    return this.compiledFor(workflowId, head, false, em);
  }

  /**
   * The version a case is pinned to. Such a version never changes, so after one read of its row
   * it is served from memory. Only for a version a committed case uses (else see `published`).
   * Inside a transaction pass its `em`.
   * @throws DomainError WORKFLOW_NOT_FOUND
   */
  async get(workflowId: string, version: number, em: EntityManager = this.orm.em.fork()): Promise<CompiledWorkflow> {
    const cached = this.compiled.get(keyOf(workflowId, version));
    if (cached?.frozen) return cached.workflow;
    return this.read(workflowId, version, true, em);
  }

  /**
   * A published version, whether or not a case uses it (checked against its row, as one without
   * cases may be published again).
   * @throws DomainError WORKFLOW_NOT_FOUND
   */
  async published(workflowId: string, version: number, em: EntityManager = this.orm.em.fork()): Promise<CompiledWorkflow> {
    return this.read(workflowId, version, false, em);
  }

  /** Every published version, newest first within each workflow; `latest` as the database says now. */
  async list(): Promise<WorkflowSummary[]> {
    const rows = await this.orm.em.fork().find(WorkflowDefinitionRecord, {}, { orderBy: { workflowId: 'asc', version: 'desc' } });
    return rows.map((row, i) => ({
      id: row.workflowId,
      version: row.version,
      title: row.definition.title,
      ...(row.definition.description ? { description: row.definition.description } : {}),
      // Newest first within each workflow: the first row of a workflow is its newest version.
      latest: i === 0 || rows[i - 1]!.workflowId !== row.workflowId,
    }));
  }

  private async read(workflowId: string, version: number, freeze: boolean, em: EntityManager): Promise<CompiledWorkflow> {
    const [head] = await em.execute<RowHead[]>(VERSION_SQL, [workflowId, version]);
    if (!head) throw await this.notFound(workflowId, version, em);
    return this.compiledFor(workflowId, head, freeze, em);
  }

  /** The compiled form of the row `head` names: from memory if compiled from the same content, else compiled from the row. */
  private async compiledFor(workflowId: string, head: RowHead, freeze: boolean, em: EntityManager): Promise<CompiledWorkflow> {
    const cached = this.compiled.get(keyOf(workflowId, head.version));
    if (cached && cached.hash === head.hash && cached.rulesHash === head.rules_hash) {
      if (freeze) cached.frozen = true;
      return cached.workflow;
    }
    // Not managed by the command's unit of work: the row is read, never written, by a command.
    const row = await em.findOne(WorkflowDefinitionRecord, { workflowId, version: head.version }, { disableIdentityMap: true });
    if (!row) throw await this.notFound(workflowId, head.version, em);
    return this.cache(row, freeze);
  }

  private async notFound(workflowId: string, version: number | undefined, em: EntityManager): Promise<DomainError> {
    if (version !== undefined)
      return new DomainError('WORKFLOW_NOT_FOUND', {
        sv: `arbetsflödet "${workflowId}" har ingen version ${version}`,
        en: `workflow "${workflowId}" has no version ${version}`,
      });
    const known = await em.execute<Array<{ workflow_id: string }>>('select distinct workflow_id from workflow_definitions order by workflow_id');
    const names = known.map((k) => k.workflow_id).join(', ');
    return new DomainError('WORKFLOW_NOT_FOUND', {
      sv: `arbetsflödet "${workflowId}" finns inte (kända: ${names || 'inga'})`,
      en: `workflow "${workflowId}" does not exist (known: ${names || 'none'})`,
    });
  }

  /**
   * Checks a workflow and/or rule files as `npm run validate` does, without publishing: against the
   * rule sets of the rules folder, with the given ones in place of those of the same id. For the
   * process owner's "check before publishing" page.
   * @throws DomainError FORBIDDEN unless the actor may publish
   */
  async check(submission: Submission): Promise<{ problems: DefinitionProblem[] }> {
    const { problems } = await this.validateSubmission(submission);
    return { problems };
  }

  /**
   * Publishes a workflow version sent over the API (with any new rule sets it needs). Like a file
   * at start: validated, refused if the version exists with other content and cases use it.
   * @throws DomainError FORBIDDEN, VALIDATION_FAILED (with the problems), VERSION_CONFLICT
   */
  async publishSubmission(submission: Submission): Promise<WorkflowSummary> {
    if (!submission.workflow)
      throw new DomainError('VALIDATION_FAILED', {
        sv: 'skicka arbetsflödet som ska publiceras i "workflow"',
        en: 'send the workflow to publish in "workflow"',
      });
    const { problems, validated } = await this.validateSubmission(submission);
    if (problems.length || !validated.workflows[0]) {
      // The problems go as they are, in every language: the API answers them in the caller's.
      throw new DomainError(
        'VALIDATION_FAILED',
        { sv: `${problems.length} problem i de skickade definitionerna`, en: `${problems.length} problem(s) in the submitted definitions` },
        { problems },
      );
    }
    const { file, definition } = validated.workflows[0];
    const workflow = compileWorkflow(definition, validated.ruleSets);
    const problem = await this.publish(file, workflow);
    if (problem) throw new DomainError('VERSION_CONFLICT', { sv: problem.sv ?? problem.message, en: problem.message });
    return (await this.list()).find((w) => w.id === workflow.id && w.version === workflow.version)!;
  }

  private async validateSubmission(submission: Submission) {
    const rules = await readJsonFiles(this.config.rulesDir, process.cwd());
    const given = (submission.ruleSets ?? []).map((json) => ({ file: `rules/${String((json as { id?: unknown })?.id ?? 'rule-set')}.json`, json }));
    const idOf = (f: { json: unknown }) => (f.json as { id?: unknown })?.id;
    const givenIds = new Set(given.map(idOf));
    rules.files = [...rules.files.filter((f) => !givenIds.has(idOf(f))), ...given];
    const workflowJson = submission.workflow as { id?: unknown; version?: unknown } | undefined;
    const workflows = {
      files: workflowJson === undefined ? [] : [{ file: `workflows/${String(workflowJson?.id)}.v${String(workflowJson?.version)}.json`, json: workflowJson }],
      problems: [],
    };
    const validated = await validateLoaded(workflows, rules);
    // Problems of folder files not sent are not the sender's; keep those of what was sent.
    const sent = new Set([...given.map((g) => g.file), ...workflows.files.map((w) => w.file)]);
    return { problems: validated.problems.filter((p) => sent.has(p.file)), validated };
  }

  /**
   * Publishes one version, or checks that the published one is the same. Returns a problem when a
   * used version was edited. Several instances may start at once: the row is locked while it is
   * compared, and a lost insert race is retried.
   */
  private async publish(file: string, workflow: CompiledWorkflow, retry = true): Promise<DefinitionProblem | undefined> {
    try {
      return await this.orm.em.fork().transactional(async (em) => {
        const row = await em.findOne(
          WorkflowDefinitionRecord,
          { workflowId: workflow.id, version: workflow.version },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!row) {
          em.create(WorkflowDefinitionRecord, this.toRow(workflow));
          this.logger.log(`published ${workflow.id} v${workflow.version} (${file})`);
          return undefined;
        }
        if (row.hash === workflow.hash && row.rulesHash === workflow.rulesHash) return undefined;
        const used = await this.usage.casesOn(em, workflow.id, workflow.version);
        if (used === 0) {
          em.assign(row, this.toRow(workflow));
          this.logger.log(`updated ${workflow.id} v${workflow.version}: no case uses it yet (${file})`);
          return undefined;
        }
        if (row.hash !== workflow.hash) {
          const next = `${workflow.id}.v${workflow.version + 1}.json`;
          return problemAt(file, '', {
            sv: `${workflow.id} version ${workflow.version} har ändrats sedan ${used} ärende(n) startade på den; en använd version ändras aldrig: ångra ändringen och spara den som ${next}`,
            en: `${workflow.id} version ${workflow.version} has changed since ${used} case(s) started on it; a used version is never edited: undo the change and save it as ${next}`,
          });
        }
        this.logger.warn(
          `rule sets used by ${workflow.id} v${workflow.version} have changed; its ${used} case(s) keep the rules they started with. Publish ${workflow.id}.v${workflow.version + 1}.json to use the new rules.`,
        );
        return undefined;
      });
    } catch (error) {
      if (retry && error instanceof UniqueConstraintViolationException) return this.publish(file, workflow, false);
      throw error;
    }
  }

  private toRow(workflow: CompiledWorkflow): WorkflowDefinitionRecord {
    return {
      workflowId: workflow.id,
      version: workflow.version,
      definition: workflow.definition,
      ruleSets: Object.fromEntries(workflow.ruleSets) as Record<string, RuleSetFile>,
      hash: workflow.hash,
      rulesHash: workflow.rulesHash,
      publishedAt: this.clock.now(),
    };
  }

  /** Compiles every published version at start, so a broken row stops the start rather than a command. */
  private async loadPublished(): Promise<void> {
    const rows = await this.orm.em.fork().find(WorkflowDefinitionRecord, {});
    for (const row of rows) this.cache(row, false);
  }

  private cache(row: WorkflowDefinitionRecord, frozen: boolean): CompiledWorkflow {
    const workflow = compileWorkflow(row.definition, new Map(Object.entries(row.ruleSets)));
    this.compiled.set(keyOf(row.workflowId, row.version), { workflow, hash: row.hash, rulesHash: row.rulesHash, frozen });
    return workflow;
  }
}

function keyOf(workflowId: string, version: number): string {
  return `${workflowId}@${version}`;
}
