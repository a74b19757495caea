import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { stockholmDate } from '../calendar/working-days.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { PartiesService } from './parties.service.js';

/**
 * Moves rotating chairs on when their period has run out (Blekinge's ambulerande
 * ordförandeskap). Every instance runs it; the case row lock in the cases service makes each due
 * rotation happen once, and a rotation already made by another instance changes nothing.
 */
@Injectable()
export class ChairRotationJob {
  private readonly logger = new Logger('ChairRotation');

  constructor(
    private readonly parties: PartiesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Interval('chair-rotation', 60_000)
  async tick(): Promise<void> {
    await this.run().catch((error: unknown) => this.logger.error(`rotation sweep failed: ${(error as Error).message}`));
  }

  /** Rotates every chair due by today (as the system actor, in each case's history). Returns how many moved. */
  async run(): Promise<number> {
    const today = stockholmDate(this.clock.now());
    let rotated = 0;
    for (const caseId of await this.parties.dueRotations(today)) {
      try {
        const outcome = await this.parties.rotateChair(caseId, SYSTEM_ACTOR, 'scheduled');
        if ('result' in outcome && outcome.result.changed) rotated++;
      } catch (error) {
        if (error instanceof DomainError) this.logger.warn(`case ${caseId}: chair not rotated: ${error.message}`);
        else throw error;
      }
    }
    return rotated;
  }
}
