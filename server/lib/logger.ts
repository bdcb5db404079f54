/** The server's structured logger (pino): one JSON line per event, secrets redacted. */
import { pino } from "pino";

export type Logger = pino.Logger;

/** Creates the logger; `LOG_LEVEL=silent` turns it off (tests do). Lines go to stdout, or to `destination`. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: {
      paths: ["password", "*.password", "auth", "*.auth", "headers.authorization", "headers.cookie"],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
