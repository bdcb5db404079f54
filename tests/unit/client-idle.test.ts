import { setImmediate } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { finiteAnimationRunning, IdleTracker } from "../../client/state/idle.js";

/** Frames the test runs by hand: `tick()` is one frame. */
function manualFrames() {
  let waiting: (() => void)[] = [];
  return {
    nextFrame: () => new Promise<void>((resolve) => waiting.push(resolve)),
    async tick(count = 1) {
      for (let frame = 0; frame < count; frame++) {
        const now = waiting;
        waiting = [];
        for (const resolve of now) resolve();
        // Lets the waiter see the frame and ask for the next one.
        await setImmediate();
      }
    },
  };
}

function trackerWithFrames() {
  const frames = manualFrames();
  const tracker = new IdleTracker({ nextFrame: frames.nextFrame });
  let idle = false;
  const waitIdle = () => {
    idle = false;
    void tracker.whenIdle().then(() => (idle = true));
  };
  return { tracker, frames, waitIdle, isIdle: () => idle };
}

describe("IdleTracker", () => {
  test("when nothing is under way, then the app is idle after two quiet frames, not before", async () => {
    const { frames, waitIdle, isIdle } = trackerWithFrames();
    waitIdle();
    await frames.tick();
    expect(isIdle()).toBe(false);
    await frames.tick();
    expect(isIdle()).toBe(true);
  });

  test("when a request is in flight, then idle waits for it to end and for two quiet frames after", async () => {
    const { tracker, frames, waitIdle, isIdle } = trackerWithFrames();
    const end = tracker.begin();
    waitIdle();
    await frames.tick(5);
    expect(isIdle()).toBe(false);
    expect(tracker.pending).toBe(1);
    end();
    await frames.tick();
    expect(isIdle()).toBe(false);
    await frames.tick();
    expect(isIdle()).toBe(true);
  });

  test("when two requests overlap and one is ended twice, then the other still counts", async () => {
    const { tracker, frames, waitIdle, isIdle } = trackerWithFrames();
    const first = tracker.begin();
    const second = tracker.begin();
    first();
    first();
    expect(tracker.pending).toBe(1);
    waitIdle();
    await frames.tick(3);
    expect(isIdle()).toBe(false);
    second();
    await frames.tick(2);
    expect(isIdle()).toBe(true);
  });

  test("when a layout or animation runs between quiet frames, then the count of quiet frames starts again", async () => {
    const { tracker, frames, waitIdle, isIdle } = trackerWithFrames();
    let animating = false;
    tracker.watch(() => animating);
    waitIdle();
    await frames.tick();
    // A resize observer started a glide after the first quiet frame.
    animating = true;
    await frames.tick(3);
    expect(isIdle()).toBe(false);
    animating = false;
    await frames.tick();
    expect(isIdle()).toBe(false);
    await frames.tick();
    expect(isIdle()).toBe(true);
  });

  test("when work is tracked as a promise, then it counts until the promise settles, fulfilled or rejected", async () => {
    const { tracker } = trackerWithFrames();
    let release!: () => void;
    const fulfilled = tracker.track(new Promise<void>((resolve) => (release = resolve)));
    const rejected = tracker.track(Promise.reject(new Error("no answer")));
    expect(tracker.pending).toBe(2);
    await expect(rejected).rejects.toThrow("no answer");
    expect(tracker.pending).toBe(1);
    release();
    await fulfilled;
    expect(tracker.pending).toBe(0);
    expect(tracker.isQuiet()).toBe(true);
  });
});

describe("finiteAnimationRunning", () => {
  const animation = (playState: string, endTime: number) =>
    ({ playState, effect: { getComputedTiming: () => ({ endTime }) } }) as unknown as Animation;

  test("when a CSS transition runs, then the page is busy; when it has finished, then it is not", () => {
    expect(finiteAnimationRunning([animation("running", 200)])).toBe(true);
    expect(finiteAnimationRunning([animation("finished", 200)])).toBe(false);
  });

  test("when only an endless spinner turns, then the page is not busy (loading is counted as requests)", () => {
    expect(finiteAnimationRunning([animation("running", Number.POSITIVE_INFINITY)])).toBe(false);
    expect(finiteAnimationRunning([])).toBe(false);
  });
});
