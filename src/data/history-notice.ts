let shown = false;

/**
 * Print, once per build, why dates from git are missing and how to fix it:
 * history and last-updated dates share one cause, so they share one line.
 */
export function noticeMissingHistory(reason: string): void {
  if (shown) return;
  shown = true;
  console.warn(`[portfolio] Progress history, completion dates and last-updated dates are not shown: ${reason}.`);
}
