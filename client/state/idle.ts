/**
 * Whether the app is at rest: no request in flight or scheduled, no layout or animation running. Browser tests
 * await `window.liaison.idle()` instead of sleeping, so a slow machine waits longer and a fast bug cannot hide.
 */

export interface IdleTrackerOptions {
  /** Resolves at the next frame (requestAnimationFrame in the browser). */
  nextFrame(): Promise<unknown>;
  /**
   * How many frames in a row must be quiet. More than one, because a resize observer runs after a frame's
   * callbacks and may start an animation that the first quiet frame could not see.
   */
  quietFrames?: number;
}

export class IdleTracker {
  readonly #nextFrame: () => Promise<unknown>;
  readonly #quietFrames: number;
  readonly #probes: (() => boolean)[] = [];
  #pending = 0;

  constructor(options: IdleTrackerOptions) {
    this.#nextFrame = options.nextFrame;
    this.#quietFrames = Math.max(1, options.quietFrames ?? 2);
  }

  /** Work under way (requests, timers, imports) that has begun and not yet ended. */
  get pending(): number {
    return this.#pending;
  }

  /**
   * Counts a piece of work until the returned function is called; calling it again does nothing, so a caller may
   * end work from more than one path (done, cancelled).
   * @example const end = idle.begin(); try { await work(); } finally { end(); }
   */
  begin(): () => void {
    this.#pending++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#pending--;
    };
  }

  /** Counts the work for as long as the promise is pending. */
  track<T>(work: Promise<T>): Promise<T> {
    return work.finally(this.begin());
  }

  /** Adds a check asked at every frame while someone waits, true while busy (e.g. "the canvas is animating"). */
  watch(busy: () => boolean): void {
    this.#probes.push(busy);
  }

  /** True when no work is pending and no check reports busy. */
  isQuiet(): boolean {
    return this.#pending === 0 && !this.#probes.some((busy) => busy());
  }

  /** Resolves once the app has been quiet for `quietFrames` frames in a row. */
  async whenIdle(): Promise<void> {
    let quiet = 0;
    while (quiet < this.#quietFrames) {
      await this.#nextFrame();
      quiet = this.isQuiet() ? quiet + 1 : 0;
    }
  }
}

/** Animations that end (CSS transitions such as the phone drawer's slide); a spinner's endless turn is loading, counted as requests. */
export function finiteAnimationRunning(animations: readonly Animation[]): boolean {
  return animations.some(
    (animation) => animation.playState === "running" && animation.effect?.getComputedTiming().endTime !== Infinity,
  );
}

/** The page's tracker: the API client counts its requests here, the app adds the canvas and CSS animations. */
export const activity = new IdleTracker({
  nextFrame: () => new Promise((resolve) => requestAnimationFrame(resolve)),
});
