import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Loaded into a service process with `node --import` by `npm run bench -- --profile`: the first
 * SIGWINCH starts V8's CPU profiler, the second writes the profile to BENCH_PROFILE_FILE. So the
 * bench profiles exactly one load run of a process it did not start with `--cpu-prof` (which only
 * writes at a clean exit, and the service exits by signal). Not SIGUSR2: Nest's shutdown hooks
 * treat that as a request to stop; SIGWINCH is ignored by default, so it is harmless without this.
 */
const file = process.env.BENCH_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGWINCH', () => {
    void (async () => {
      if (!running) {
        running = true;
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 500 });
        await session.post('Profiler.start');
        return;
      }
      running = false;
      const { profile } = await session.post('Profiler.stop');
      // Written aside, then renamed: the bench waits for the file and must not read half of it.
      writeFileSync(`${file}.part`, JSON.stringify(profile));
      renameSync(`${file}.part`, file);
    })();
  });
}
