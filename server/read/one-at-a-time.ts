/**
 * Runs the given jobs one after another. Whole-graph reads are decoded on the event loop (the Bolt
 * driver lives there); letting fifteen of them decode at once starves every other request, while in
 * a queue they finish in about the same total time and a trivial request slips in between.
 */
export function oneAtATime(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
