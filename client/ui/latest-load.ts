/** One request at a time for a panel: the newest wins, and an older answer that arrives late is dropped. */
import { errorMessage } from "./context.js";

export class LatestLoad<T> {
  /** The newest answer, or undefined before one arrives or after a failure. */
  value: T | undefined;
  loading = false;
  /** A readable message when the newest request failed, else "". */
  error = "";
  #key = "";

  /** What the newest request was for ("" when none, or after `reset`). */
  get key(): string {
    return this.#key;
  }

  /**
   * Starts the request for `key`; `loading` and `error` change before the first await, so the caller
   * can render at once. Resolves with the answer when it is still the newest and succeeded.
   * @example const hits = await panelLoad.load(JSON.stringify(params), () => api.paths(params));
   */
  async load(key: string, request: () => Promise<T>): Promise<T | undefined> {
    this.#key = key;
    this.loading = true;
    this.error = "";
    try {
      const value = await request();
      if (key !== this.#key) return undefined;
      this.value = value;
      return value;
    } catch (error) {
      if (key !== this.#key) return undefined;
      this.value = undefined;
      this.error = errorMessage(error);
      return undefined;
    } finally {
      if (key === this.#key) this.loading = false;
    }
  }

  /** Forgets the answer, so the same request runs again when asked for. */
  reset(): void {
    this.value = undefined;
    this.#key = "";
  }
}
