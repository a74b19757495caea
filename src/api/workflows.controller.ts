import { Controller, Get, Param, ParseIntPipe, type PipeTransform, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error.js';
import { DefinitionRegistry } from '../definitions/definition-registry.js';
import { PATTERNS } from '../definitions/schemas.js';
import { languageOf } from './language.js';

const version = new ParseIntPipe({ exceptionFactory: () => new DomainError('VALIDATION_FAILED', 'the version in the path must be a whole number') });

/** A workflow id in the path: kebab-case, or a 400. */
class ParseKebabPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!new RegExp(PATTERNS.KEBAB).test(value) || value.length > 100) {
      throw new DomainError('VALIDATION_FAILED', 'the workflow id in the path must be kebab-case, e.g. "samverkan"');
    }
    return value;
  }
}

const workflowId = new ParseKebabPipe();

@ApiTags('workflows')
@Controller('workflows')
export class WorkflowsController {
  constructor(private readonly definitions: DefinitionRegistry) {}

  @Get()
  @ApiOperation({ summary: 'The published workflow versions' })
  async list(@Req() req: Request) {
    const lang = languageOf(req);
    return (await this.definitions.list()).map((w) => ({ id: w.id, version: w.version, title: w.title[lang], ...(w.description ? { description: w.description[lang] } : {}), latest: w.latest }));
  }

  @Get(':id/versions/:version')
  @ApiOperation({ summary: 'One published workflow version with its pinned rule sets, as JSON' })
  async get(@Param('id', workflowId) id: string, @Param('version', version) v: number) {
    const workflow = await this.definitions.get(id, v);
    return { definition: workflow.definition, ruleSets: Object.fromEntries(workflow.ruleSets) };
  }
}
