/** The worker thread of bulk-part.ts: writes its part and posts progress, then the result or the error's message. */
import { parentPort, workerData } from "node:worker_threads";
import { type PartInput, writePart } from "./bulk-part.js";

const port = parentPort;
if (port) {
  writePart(workerData as PartInput, (records) => port.postMessage({ progress: records })).then(
    (result) => port.postMessage({ result }),
    (error: Error) => port.postMessage({ error: error.message }),
  );
}
