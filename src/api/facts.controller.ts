import { Controller, Get, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers } from './api-answers.js';
import { FactCatalogueDto } from './dto/service-responses.dto.js';
import type { Request } from 'express';
import { FACT_CATALOGUE } from '../rules/fact-catalogue.js';
import { OPERATORS } from '../rules/operators.js';
import { languageOf } from './language.js';

@ApiTags('workflows')
@Controller('facts')
export class FactsController {
  @Get()
  @ApiOperation({ summary: 'The fact catalogue: every fact a rule set may name, its type, parameters and item fields; and the operators' })
  @ApiAnswers({ type: FactCatalogueDto, errors: [401, 429] })
  catalogue(@Req() req: Request): FactCatalogueDto {
    const lang = languageOf(req);
    return {
      facts: Object.entries(FACT_CATALOGUE).map(([name, f]) => ({
        name,
        type: f.type,
        description: f.description[lang],
        ...(f.params ? { params: Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, v[lang]])) } : {}),
        ...(f.itemFields ? { itemFields: f.itemFields } : {}),
        ...(f.names ? { names: f.names } : {}),
        task: f.task.kind,
      })),
      operators: Object.entries(OPERATORS).map(([name, o]) => ({ name, factTypes: o.factTypes, value: o.value })),
    };
  }
}
