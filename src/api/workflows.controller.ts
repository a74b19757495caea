import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, type PipeTransform, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers } from './api-answers.js';
import { PublishedWorkflowDto, ValidationVerdictDto, WorkflowDefinitionDto, WorkflowVersionDto } from './dto/service-responses.dto.js';
import type { Actor } from '../access/actor.js';
import { assertMayCheckWorkflows, assertMayPublishWorkflows } from '../access/policy.js';
import { problemIn } from '../definitions/definition-error.js';
import { CurrentActor } from './auth.guard.js';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error.js';
import { DefinitionRegistry, type Submission } from '../definitions/definition-registry.js';
import { DEFINITION_LIMITS } from '../definitions/definition-limits.js';
import { PATTERNS } from '../definitions/schemas.js';
import { languageOf } from './language.js';

const version = new ParseIntPipe({
  exceptionFactory: () =>
    new DomainError('VALIDATION_FAILED', { sv: 'versionen i sökvägen måste vara ett heltal', en: 'the version in the path must be a whole number' }),
});

/** A workflow id in the path: kebab-case, or a 400. */
class ParseKebabPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!new RegExp(PATTERNS.KEBAB).test(value) || value.length > 100) {
      throw new DomainError('VALIDATION_FAILED', {
        sv: 'arbetsflödets id i sökvägen får bara ha små bokstäver, siffror och bindestreck (kebab-case), t.ex. "samverkan"',
        en: 'the workflow id in the path must be kebab-case, e.g. "samverkan"',
      });
    }
    return value;
  }
}

const workflowId = new ParseKebabPipe();

/** `{ workflow?, ruleSets? }` from a request body, or a 400 saying what is expected. */
function submissionOf(body: unknown): Submission {
  const b = body as { workflow?: unknown; ruleSets?: unknown } | null;
  const extra = b && typeof b === 'object' && !Array.isArray(b) ? Object.keys(b).filter((k) => k !== 'workflow' && k !== 'ruleSets') : [];
  if (
    !b ||
    typeof b !== 'object' ||
    Array.isArray(b) ||
    extra.length ||
    (b.ruleSets !== undefined && !Array.isArray(b.ruleSets)) ||
    (b.workflow === undefined && b.ruleSets === undefined)
  ) {
    throw new DomainError('VALIDATION_FAILED', {
      sv: 'skicka { "workflow": { … }, "ruleSets": [ … ] } (det ena eller båda)',
      en: 'send { "workflow": { … }, "ruleSets": [ … ] } (either or both)',
    });
  }
  if (Array.isArray(b.ruleSets) && b.ruleSets.length > DEFINITION_LIMITS.ruleSetsPerRequest) {
    const max = DEFINITION_LIMITS.ruleSetsPerRequest;
    throw new DomainError(
      'VALIDATION_FAILED',
      { sv: `skicka högst ${max} regeluppsättningar åt gången`, en: `send at most ${max} rule sets at a time` },
      { errors: [{ path: 'ruleSets', message: { sv: `högst ${max} regeluppsättningar`, en: `at most ${max} rule sets` } }] },
    );
  }
  return { ...(b.workflow !== undefined ? { workflow: b.workflow } : {}), ...(Array.isArray(b.ruleSets) ? { ruleSets: b.ruleSets } : {}) };
}

@ApiTags('workflows')
@Controller('workflows')
export class WorkflowsController {
  constructor(private readonly definitions: DefinitionRegistry) {}

  @Get()
  @ApiOperation({ summary: 'The published workflow versions' })
  @ApiAnswers({ type: [WorkflowVersionDto] })
  async list(@Req() req: Request): Promise<WorkflowVersionDto[]> {
    const lang = languageOf(req);
    return (await this.definitions.list()).map((w) => ({
      id: w.id,
      version: w.version,
      title: w.title[lang],
      ...(w.description ? { description: w.description[lang] } : {}),
      latest: w.latest,
    }));
  }

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check a workflow and/or rule sets before publishing (process owners of definitions): every problem with its JSON pointer (as npm run validate)',
  })
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        workflow: { type: 'object', additionalProperties: true, description: 'A workflow definition (schemas/workflow.schema.json)' },
        ruleSets: {
          type: 'array',
          items: { type: 'object', additionalProperties: true, description: 'A rule set (schemas/rule-set.schema.json)' },
          maxItems: DEFINITION_LIMITS.ruleSetsPerRequest,
        },
      },
    },
  })
  @ApiAnswers({ type: ValidationVerdictDto })
  async validate(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: Request): Promise<ValidationVerdictDto> {
    const submission = submissionOf(body);
    assertMayCheckWorkflows(actor);
    const { problems } = await this.definitions.check(submission);
    const lang = languageOf(req);
    return { valid: problems.length === 0, problems: problems.map((p) => problemIn(p, lang)) };
  }

  @Post()
  @ApiOperation({ summary: 'Publish a workflow version (process owners of definitions); a used version is never changed' })
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        workflow: { type: 'object', additionalProperties: true, description: 'A workflow definition (schemas/workflow.schema.json)' },
        ruleSets: {
          type: 'array',
          items: { type: 'object', additionalProperties: true, description: 'A rule set (schemas/rule-set.schema.json)' },
          maxItems: DEFINITION_LIMITS.ruleSetsPerRequest,
        },
      },
      required: ['workflow'],
    },
  })
  @ApiAnswers({ status: 201, type: PublishedWorkflowDto, errors: [400, 401, 403, 409, 429, 503] })
  async publish(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<PublishedWorkflowDto> {
    const submission = submissionOf(body);
    assertMayPublishWorkflows(actor);
    return this.definitions.publishSubmission(submission);
  }

  @Get(':id/versions/:version')
  @ApiOperation({ summary: 'One published workflow version with its pinned rule sets, as JSON' })
  @ApiAnswers({ type: WorkflowDefinitionDto })
  async get(@Param('id', workflowId) id: string, @Param('version', version) v: number): Promise<WorkflowDefinitionDto> {
    const workflow = await this.definitions.published(id, v);
    return { definition: workflow.definition, ruleSets: Object.fromEntries(workflow.ruleSets) };
  }
}
