/** Client entry point: starts the explorer, and lets browser tests see it and wait for it to be at rest. */
import { App } from "./app.js";
import { activity, finiteAnimationRunning } from "./state/idle.js";

const app = new App();
// Requests count themselves (api/client.ts); a layout or glide on the canvas and a CSS transition are asked each frame.
activity.watch(() => app.canvas.animating);
activity.watch(() => finiteAnimationRunning(document.getAnimations()));
// For browser tests and the curious: the Cytoscape instance, the app, and a promise for when it is at rest.
(window as unknown as { liaison: unknown }).liaison = { cy: app.canvas.cy, app, idle: () => activity.whenIdle() };
void app.start();
