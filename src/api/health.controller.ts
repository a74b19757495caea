import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import type { DatabaseTarget } from '../config/database.js';
import { DATABASE_TARGET } from '../config/tokens.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { Public } from './auth.guard.js';
import { ApiAnswers } from './api-answers.js';
import { HealthDto } from './dto/service-responses.dto.js';
import { HttpAnswer } from './http.js';

const PROBE_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly orm: MikroORM,
    @Inject(DATABASE_TARGET) private readonly database: DatabaseTarget,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** 200 when the database answers, 503 when it does not. No authentication. */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Is the service up and can it reach its database? 200 or 503' })
  @ApiAnswers({ type: HealthDto, errors: [429] })
  @ApiResponse({ status: 503, description: 'The database does not answer', type: HealthDto })
  async health(): Promise<HttpAnswer<HealthDto>> {
    const up = await this.probe();
    // The service's own time: clients computing dates (e.g. "a decision taken 40 days ago") use it.
    return new HttpAnswer(up ? 200 : 503, {
      status: up ? 'ok' : 'unavailable',
      database: { kind: this.database.kind, up },
      time: this.clock.now().toISOString(),
    });
  }

  private async probe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
    try {
      const query = this.orm.em
        .fork()
        .getConnection()
        .execute('select 1')
        .then(() => true as const);
      return await Promise.race([query, timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
