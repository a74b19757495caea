/**
 * A pause for long loops of synchronous work in a request (word diffs of many boards): awaiting
 * it lets other requests run whenever this one has held the event loop for `ms` since the last
 * pause, and costs nothing otherwise.
 */
export function eventLoopPause(ms = 5): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < ms) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
