import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { EscalationsService } from './escalations.service.js';
import { SoloRun } from '../common/solo-run.js';

/** Levels one sweep fires at most, so that a tick ends; the rest wait for the next. */
const MAX_PER_RUN = 500;

/** The name of the sweep's interval in Nest's {@link SchedulerRegistry}. */
export const ESCALATION_SWEEP = 'escalations';

/**
 * Fires escalation levels when they are due. Every instance runs it; each level is claimed by one
 * instance at a time in the database and fired once under the case's lock (see
 * {@link EscalationsService.claimNext} and {@link EscalationsService.fire}), so any number of
 * instances, restarts and crashes give each level exactly once per stay in a step.
 *
 * With the timed jobs on (SCHEDULER_ENABLED), it sweeps once at start and then every
 * `ESCALATION_SWEEP_SECONDS`. The sweep at start is there for the levels that fell due while no
 * instance ran (a deployment, a crash, an outage): a manager should hear of them at once, not an
 * interval later.
 */
@Injectable()
export class EscalationJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Escalations');
  private readonly solo = new SoloRun(this.logger, 'escalation sweep');
  private stopping = false;

  constructor(
    private readonly escalations: EscalationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Present only when the app runs its timed jobs (ScheduleModule is imported); tests without it call run() themselves.
    @Optional() @Inject(SchedulerRegistry) private readonly scheduler?: SchedulerRegistry,
  ) {}

  /** Starts the sweeps (the first at once, not awaited: the service need not wait for a backlog to start). */
  onApplicationBootstrap(): void {
    if (!this.scheduler) return;
    // Registered with Nest's registry, so its orchestrator clears it at shutdown like a decorated interval.
    this.scheduler.addInterval(
      ESCALATION_SWEEP,
      setInterval(() => void this.tick(), this.config.escalationSweepSeconds * 1000),
    );
    void this.tick();
  }

  /** A graceful stop lets the level being fired finish and claims no more (a crash is covered by the lease). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  /** Resolves when this instance's sweep in progress (if any) has ended. */
  idle(): Promise<void> {
    return this.solo.idle();
  }

  /** One sweep, skipped while this instance's previous one still runs. Never rejects. */
  async tick(): Promise<void> {
    await this.solo.tick(() => this.run());
  }

  /** Fires every level due now (as the system actor, each in its case's history). Returns how many fired. */
  async run(): Promise<number> {
    let fired = 0;
    for (let i = 0; i < MAX_PER_RUN && !this.stopping; i++) {
      const level = await this.escalations.claimNext();
      if (!level) break;
      try {
        if (await this.escalations.fire(level.id, level.caseId)) fired++;
      } catch (error) {
        // Give the level back so the next sweep tries again; a bug must not silence it for good.
        await this.escalations.release(level.id);
        if (error instanceof DomainError) this.logger.warn(`case ${level.caseId}: escalation ${level.id} not fired: ${error.message}`);
        else throw error;
      }
    }
    return fired;
  }
}
