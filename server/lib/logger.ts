/** The server's structured logger (pino): one JSON line per event, secrets redacted. */
import { pino } from "pino";

export type Logger = pino.Logger;

/** Creates the logger; `LOG_LEVEL=silent` turns it off (tests do). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ["password", "*.password", "auth", "*.auth", "headers.authorization"], censor: "[redacted]" },
  });
}
