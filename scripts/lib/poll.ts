/**
 * Polling for browser state that settles asynchronously (a tab's report, the card, a page that
 * loads in another process): read until `done`, or fail after `timeout` with the last value.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeout: number,
  failure: (last: T) => string,
  interval = 100,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(failure(value));
    await new Promise((resolve) => setTimeout(resolve, interval));
    value = await read();
  }
  return value;
}
