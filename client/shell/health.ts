/** The health banner: asks GET /api/health every 30 seconds and says so, readably, when the database does not answer. */
import { ApiRequestError, api } from "../api/client.js";
import { errorMessage } from "../ui/context.js";

const EVERY_MS = 30_000;

/**
 * Why the app is unhealthy, for a person, from what GET /api/health answered or threw.
 * @example healthFailure(new ApiRequestError(0, "NETWORK", "…")) === "The Liaison server does not answer."
 */
export function healthFailure(error: unknown): string {
  const failure = error instanceof ApiRequestError ? error : undefined;
  if (failure?.code === "NETWORK") return "The Liaison server does not answer.";
  // A 503 from /api/health still carries the health body, with the reason.
  const reason = (failure?.details as { reason?: unknown } | undefined)?.reason;
  if (typeof reason === "string") return errorMessage(new Error(reason));
  return failure ? errorMessage(failure) : "Neo4j did not answer.";
}

/** The banner's text ("" when healthy). */
export function bannerText(health: { ok: boolean; message: string }): string {
  if (health.ok) return "";
  return `The graph database is unavailable. ${health.message || "It does not answer."} Results cannot load until it is back; this page checks again every 30 seconds.`;
}

export class HealthBanner {
  readonly #banner: HTMLElement;
  readonly #onChecked: (back: boolean) => Promise<void> | void;
  #health = { ok: true, message: "" };

  /** `onChecked` runs after every check; `back` is true when the database answers again after it did not. */
  constructor(banner: HTMLElement, onChecked: (back: boolean) => Promise<void> | void) {
    this.#banner = banner;
    this.#onChecked = onChecked;
  }

  /** Whether the last check found the database answering (true before the first). */
  get ok(): boolean {
    return this.#health.ok;
  }

  /** Checks now and then every 30 seconds. */
  start(): void {
    void this.check();
    setInterval(() => void this.check(), EVERY_MS);
  }

  async check(): Promise<void> {
    const wasOk = this.#health.ok;
    try {
      const health = await api.health();
      this.#health = { ok: health.status === "ok", message: health.reason ?? "" };
    } catch (error) {
      this.#health = { ok: false, message: healthFailure(error) };
    }
    this.#banner.hidden = this.#health.ok;
    this.#banner.textContent = bannerText(this.#health);
    await this.#onChecked(this.#health.ok && !wasOk);
  }
}
