/**
 * Answers a use case keeps and returns again unchanged (the overview's first view, kept under the
 * derived data's stamp): the HTTP layer writes each one's JSON once and sends those bytes to
 * every later request, instead of serialising the same object again per request.
 */
const shared = new WeakSet<object>();

/** Marks `answer` as returned again unchanged; it must never be mutated after this. */
export function markShared<T extends object>(answer: T): T {
  shared.add(answer);
  return answer;
}

/** Whether `answer` was marked by markShared. */
export const isShared = (answer: unknown): answer is object =>
  typeof answer === "object" && answer !== null && shared.has(answer);
