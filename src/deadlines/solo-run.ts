import type { Logger } from '@nestjs/common';

/**
 * Runs a timed job's sweep so that a slow run (an SMTP server timing out, a long backlog) never
 * overlaps the next tick on this instance, and a failed run is logged instead of crashing the
 * scheduler. Other instances are not its concern: their work is shared out in the database.
 */
export class SoloRun {
  private running = false;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  async tick(run: () => Promise<unknown>): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await run();
    } catch (error) {
      this.logger.error(`${this.what} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
