import 'reflect-metadata';
import { type DynamicModule, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { CaseRoleDirectory } from './cases/case-roles.js';
import { ApiTokensService } from './access/api-tokens.service.js';
import { Authenticator } from './access/authenticator.js';
import { CaseAccess } from './cases/case-access.js';
import { AuthGuard } from './api/auth.guard.js';
import { CaseVisibilityGuard } from './api/case-visibility.guard.js';
import { loggingOptions } from './api/logging.js';
import { TokensController } from './api/tokens.controller.js';
import { UiController } from './api/ui.controller.js';
import { CaseGates } from './cases/case-gates.js';
import { CasesController } from './api/cases.controller.js';
import { ErrorFilter } from './api/error.filter.js';
import { HttpAnswerInterceptor } from './api/http-answer.interceptor.js';
import { HealthController } from './api/health.controller.js';
import { WorkflowsController } from './api/workflows.controller.js';
import { DocumentsController } from './api/documents.controller.js';
import { FactsController } from './api/facts.controller.js';
import { DecisionsController, GoalsController, WorkController } from './api/governance.controller.js';
import { PartiesController } from './api/parties.controller.js';
import { RegistryController } from './api/registry.controller.js';
import { ChairRotationJob } from './governance/chair-rotation.job.js';
import { DecisionsService } from './governance/decisions.service.js';
import { DocumentsService } from './governance/documents.service.js';
import { GoalsService } from './governance/goals.service.js';
import { HistoryVerification } from './governance/history-verification.service.js';
import { CaseHistory } from './governance/case-history.service.js';
import { PartiesService } from './governance/parties.service.js';
import { RegistryService } from './governance/registry.service.js';
import { WorkService } from './governance/work.service.js';
import { AuditService } from './audit/audit.service.js';
import { HISTORY_SIGNER, loadSigningKeys } from './audit/history-keys.js';
import { historySigner } from './audit/history-signing.js';
import { calendarProvider } from './calendar/calendar.provider.js';
import { CaseQueries } from './cases/case-queries.js';
import { CASE_STATE_LISTENERS, type CaseStateListener } from './cases/case-listeners.js';
import { CasesService } from './cases/cases.service.js';
import { CLOCK, type Clock, SystemClock } from './common/clock.js';
import type { AppConfig } from './config/app-config.js';
import type { DatabaseTarget } from './config/database.js';
import { ormOptions } from './database/orm-config.js';
import { APP_CONFIG, DATABASE_TARGET } from './config/tokens.js';
import { DeadlineListener } from './escalations/deadline.listener.js';
import { DeadlineQueries } from './deadlines/deadline-queries.js';
import { EscalationJob } from './escalations/escalation.job.js';
import { EscalationsController } from './api/escalations.controller.js';
import { EscalationsService } from './escalations/escalations.service.js';
import { DefinitionRegistry, VERSION_USAGE } from './definitions/definition-registry.js';
import { caseVersionUsage } from './cases/version-usage.js';
import { FactService } from './facts/fact.service.js';
import { GATE_FACTS } from './cases/gate-facts.js';
import { OutboxController } from './api/outbox.controller.js';
import { OutboxRelay } from './notifications/outbox.relay.js';
import { Outbox } from './notifications/outbox.js';
import { GateService } from './cases/gate.service.js';

/** What the application is built from: settings, where the data is, and (in tests) a clock. */
export interface AppModuleOptions {
  config: AppConfig;
  database: DatabaseTarget;
  clock?: Clock;
  /** Apply pending migrations before starting (embedded database, tests, MIGRATE_ON_START). */
  migrate: boolean;
  /** Log requests (structured JSON); off in tests. */
  logging?: boolean;
  /** Where request logs go (standard output by default). */
  logStream?: NodeJS.WritableStream;
  /**
   * Run the timed jobs (chair rotation, escalations, …). Off in tests, which call the jobs
   * themselves after moving the clock; off on API-only replicas (SCHEDULER_ENABLED=false).
   */
  scheduler: boolean;
}

/** Opens the ORM, migrates or checks that the schema is current, and closes both on shutdown. */
async function openOrm(options: AppModuleOptions): Promise<MikroORM> {
  const logger = new Logger('Database');
  const orm = await MikroORM.init({ ...ormOptions(options.database), logger: (message) => logger.log(message) });
  try {
    if (options.migrate) {
      await orm.migrator.up();
    } else {
      const pending = await orm.migrator.getPending();
      if (pending.length) {
        throw new Error(`the database schema is ${pending.length} migration(s) behind: run "npm run migrate" (or set MIGRATE_ON_START=true)`);
      }
    }
  } catch (error) {
    await orm.close();
    throw error;
  }
  logger.log(`connected to ${options.database.description}`);
  return orm;
}

class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(DATABASE_TARGET) private readonly database: DatabaseTarget,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close();
    await this.database.close();
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      // Registered once; every instance runs every job, and the jobs claim their work in the database.
      imports: [...(options.scheduler ? [ScheduleModule.forRoot()] : []), LoggerModule.forRoot(loggingOptions(options.logging ?? true, options.logStream))],
      controllers: [
        HealthController,
        CasesController,
        WorkflowsController,
        FactsController,
        RegistryController,
        PartiesController,
        DecisionsController,
        GoalsController,
        WorkController,
        DocumentsController,
        TokensController,
        EscalationsController,
        OutboxController,
        UiController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: DATABASE_TARGET, useValue: options.database },
        { provide: CLOCK, useValue: options.clock ?? new SystemClock() },
        { provide: HISTORY_SIGNER, useFactory: () => historySigner(loadSigningKeys(options.config, new Logger('History'))) },
        { provide: MikroORM, useFactory: () => openOrm(options) },
        DatabaseLifecycle,
        // In this order: sign-in, then object-level visibility of cases.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: CaseVisibilityGuard },
        ApiTokensService,
        Authenticator,
        CaseAccess,
        { provide: APP_FILTER, useClass: ErrorFilter },
        // Status, headers and stored bodies of the answers controllers return (no @Res() anywhere).
        { provide: APP_INTERCEPTOR, useClass: HttpAnswerInterceptor },
        calendarProvider,
        CaseRoleDirectory,
        DefinitionRegistry,
        // The registry asks the cases how many run on a version (it sits below them).
        { provide: VERSION_USAGE, useValue: caseVersionUsage },
        FactService,
        // The cases ask for facts through this port; the facts module, above them, answers.
        { provide: GATE_FACTS, useExisting: FactService },
        GateService,
        AuditService,
        // Listeners that must act in the transaction of a state change (deadlines, …).
        DeadlineListener,
        { provide: CASE_STATE_LISTENERS, useFactory: (...listeners: CaseStateListener[]) => listeners, inject: [DeadlineListener] },
        CasesService,
        CaseQueries,
        CaseGates,
        RegistryService,
        PartiesService,
        DecisionsService,
        GoalsService,
        HistoryVerification,
        CaseHistory,
        WorkService,
        DocumentsService,
        ChairRotationJob,
        DeadlineQueries,
        Outbox,
        OutboxRelay,
        EscalationsService,
        EscalationJob,
      ],
    };
  }
}
