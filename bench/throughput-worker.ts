/** The benchmark's HTTP clients, in a worker thread so that they do not share the event loop of the servers they measure. */
import { parentPort, workerData } from "node:worker_threads";

interface Job {
  url: string;
  clients: number;
  seconds: number;
}

const { url, clients, seconds } = workerData as Job;
let ok = 0;
let errors = 0;
let firstError: string | undefined;
const deadline = performance.now() + seconds * 1000;
const client = async () => {
  while (performance.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) ok++;
      else {
        errors++;
        firstError ??= `status ${response.status}`;
      }
    } catch (error) {
      errors++;
      firstError ??= (error as Error).message;
    }
  }
};
const began = performance.now();
await Promise.all(Array.from({ length: clients }, client));
parentPort?.postMessage({ ok, errors, firstError, seconds: (performance.now() - began) / 1000 });
