import type { Logger } from '@nestjs/common';

/**
 * Runs a timed job's sweep so that a slow run (an SMTP server timing out, a long backlog) never
 * overlaps the next tick on this instance, and a failed run is logged instead of crashing the
 * scheduler. Other instances are not its concern: their work is shared out in the database.
 */
export class SoloRun {
  private running: Promise<void> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  /** Starts `run` unless a run is still going on this instance (then this tick is skipped). Never rejects. */
  async tick(run: () => Promise<unknown>): Promise<void> {
    if (this.running) return;
    this.running = this.guarded(run);
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  /** Resolves when the run going on now (if any) has ended: for a shutdown that lets it finish. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async guarded(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.logger.error(`${this.what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
