import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import { assertMayCheckWorkflows, assertMayPublishWorkflows } from '../access/policy.js';
import { CaseRecord } from '../cases/case.entity.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { compileWorkflow, type CompiledWorkflow } from './compile-workflow.js';
import { type DefinitionProblem, InvalidDefinitionsError, problemAt } from './definition-error.js';
import { loadAndValidate, readJsonFiles, validateLoaded } from './definition-files.js';
import type { RuleSetFile } from './rule-set-types.js';
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

/**
 * The workflow versions the service runs, by (id, version).
 *
 * At start it validates every file in `workflows/` and `rules/` (refusing to start on any problem,
 * listing them all) and publishes each workflow version with its rule sets to the database. A
 * version that cases already use is never changed: an edited file for such a version stops the
 * start with a message saying to save the change as a new version. Cases always run on the
 * published row they are pinned to, so they keep their definition whatever happens to the files.
 */
@Injectable()
export class DefinitionRegistry implements OnModuleInit {
  private readonly logger = new Logger('Definitions');
  private readonly compiled = new Map<string, CompiledWorkflow>();
  private readonly latestVersion = new Map<string, number>();

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
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
   * The newest published version of a workflow. Inside a transaction pass its `em`: the embedded
   * database has one connection.
   * @throws DomainError WORKFLOW_NOT_FOUND
   */
  async latest(workflowId: string, em?: EntityManager): Promise<CompiledWorkflow> {
    const version = this.latestVersion.get(workflowId);
    if (version === undefined) {
      const known = [...this.latestVersion.keys()].sort().join(', ');
      throw new DomainError('WORKFLOW_NOT_FOUND', {
        sv: `arbetsflödet "${workflowId}" finns inte (kända: ${known || 'inga'})`,
        en: `workflow "${workflowId}" does not exist (known: ${known || 'none'})`,
      });
    }
    return this.get(workflowId, version, em);
  }

  /**
   * A published version, compiled once and cached (a version published by another instance is
   * read on first use). Inside a transaction pass its `em`.
   * @throws DomainError WORKFLOW_NOT_FOUND
   */
  async get(workflowId: string, version: number, em: EntityManager = this.orm.em.fork()): Promise<CompiledWorkflow> {
    const key = `${workflowId}@${version}`;
    const cached = this.compiled.get(key);
    if (cached) return cached;
    const row = await em.findOne(WorkflowDefinitionRecord, { workflowId, version });
    if (!row) throw new DomainError('WORKFLOW_NOT_FOUND', { sv: `arbetsflödet "${workflowId}" har ingen version ${version}`, en: `workflow "${workflowId}" has no version ${version}` });
    return this.cache(row);
  }

  /** Every published version, newest first within each workflow. */
  async list(): Promise<WorkflowSummary[]> {
    const rows = await this.orm.em.fork().find(WorkflowDefinitionRecord, {}, { orderBy: { workflowId: 'asc', version: 'desc' } });
    return rows.map((row) => ({
      id: row.workflowId,
      version: row.version,
      title: row.definition.title,
      ...(row.definition.description ? { description: row.definition.description } : {}),
      latest: this.latestVersion.get(row.workflowId) === row.version,
    }));
  }

  /**
   * Checks a workflow and/or rule files as `npm run validate` does, without publishing: against the
   * rule sets of the rules folder, with the given ones in place of those of the same id. For the
   * process owner's "check before publishing" page.
   * @throws DomainError FORBIDDEN unless the actor may publish
   */
  async check(submission: Submission, actor: Actor): Promise<{ problems: DefinitionProblem[] }> {
    assertMayCheckWorkflows(actor);
    const { problems } = await this.validateSubmission(submission);
    return { problems };
  }

  /**
   * Publishes a workflow version sent over the API (with any new rule sets it needs). Like a file
   * at start: validated, refused if the version exists with other content and cases use it.
   * @throws DomainError FORBIDDEN, VALIDATION_FAILED (with the problems), VERSION_CONFLICT
   */
  async publishSubmission(submission: Submission, actor: Actor): Promise<WorkflowSummary> {
    assertMayPublishWorkflows(actor);
    if (!submission.workflow) throw new DomainError('VALIDATION_FAILED', { sv: 'skicka arbetsflödet som ska publiceras i "workflow"', en: 'send the workflow to publish in "workflow"' });
    const { problems, validated } = await this.validateSubmission(submission);
    if (problems.length || !validated.workflows[0]) {
      // The problems go as they are, in every language: the API answers them in the caller's.
      throw new DomainError('VALIDATION_FAILED', { sv: `${problems.length} problem i de skickade definitionerna`, en: `${problems.length} problem(s) in the submitted definitions` }, { problems });
    }
    const { file, definition } = validated.workflows[0];
    const workflow = compileWorkflow(definition, validated.ruleSets);
    const problem = await this.publish(file, workflow);
    if (problem) throw new DomainError('VERSION_CONFLICT', { sv: problem.sv ?? problem.message, en: problem.message });
    await this.loadPublished();
    return (await this.list()).find((w) => w.id === workflow.id && w.version === workflow.version)!;
  }

  private async validateSubmission(submission: Submission) {
    const rules = await readJsonFiles(this.config.rulesDir, process.cwd());
    const given = (submission.ruleSets ?? []).map((json) => ({ file: `rules/${String((json as { id?: unknown })?.id ?? 'rule-set')}.json`, json }));
    const idOf = (f: { json: unknown }) => (f.json as { id?: unknown })?.id;
    const givenIds = new Set(given.map(idOf));
    rules.files = [...rules.files.filter((f) => !givenIds.has(idOf(f))), ...given];
    const workflowJson = submission.workflow as { id?: unknown; version?: unknown } | undefined;
    const workflows = { files: workflowJson === undefined ? [] : [{ file: `workflows/${String(workflowJson?.id)}.v${String(workflowJson?.version)}.json`, json: workflowJson }], problems: [] };
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
        const row = await em.findOne(WorkflowDefinitionRecord, { workflowId: workflow.id, version: workflow.version }, { lockMode: 4 /* PESSIMISTIC_WRITE */ });
        if (!row) {
          em.create(WorkflowDefinitionRecord, this.toRow(workflow));
          this.logger.log(`published ${workflow.id} v${workflow.version} (${file})`);
          return undefined;
        }
        if (row.hash === workflow.hash && row.rulesHash === workflow.rulesHash) return undefined;
        const used = await this.casesUsing(em, workflow);
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

  private async casesUsing(em: EntityManager, workflow: CompiledWorkflow): Promise<number> {
    return em.count(CaseRecord, { workflowId: workflow.id, workflowVersion: workflow.version });
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

  private async loadPublished(): Promise<void> {
    const rows = await this.orm.em.fork().find(WorkflowDefinitionRecord, {});
    for (const row of rows) {
      this.cache(row);
      this.latestVersion.set(row.workflowId, Math.max(row.version, this.latestVersion.get(row.workflowId) ?? 0));
    }
  }

  private cache(row: WorkflowDefinitionRecord): CompiledWorkflow {
    const workflow = compileWorkflow(row.definition, new Map(Object.entries(row.ruleSets)));
    this.compiled.set(`${row.workflowId}@${row.version}`, workflow);
    return workflow;
  }
}
