/** Client entry point: starts the explorer. */
import { App } from "./app.js";

void new App().start();
