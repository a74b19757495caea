import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DomainError } from '../common/domain-error.js';
import { EscalationsService } from './escalations.service.js';
import { SoloRun } from './solo-run.js';

/** Levels one sweep fires at most, so that a tick ends; the rest wait for the next. */
const MAX_PER_RUN = 500;

/**
 * Fires escalation levels when they are due. Every instance runs it; each level is claimed by one
 * instance at a time in the database and fired once under the case's lock (see
 * {@link EscalationsService.claimNext} and {@link EscalationsService.fire}), so any number of
 * instances, restarts and crashes give each level exactly once per stay in a step.
 */
@Injectable()
export class EscalationJob {
  private readonly logger = new Logger('Escalations');
  private readonly solo = new SoloRun(this.logger, 'escalation sweep');

  constructor(private readonly escalations: EscalationsService) {}

  @Interval('escalations', 30_000)
  async tick(): Promise<void> {
    await this.solo.tick(() => this.run());
  }

  /** Fires every level due now (as the system actor, each in its case's history). Returns how many fired. */
  async run(): Promise<number> {
    let fired = 0;
    for (let i = 0; i < MAX_PER_RUN; i++) {
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
