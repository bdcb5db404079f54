/** Dates as the API sends them: ISO bounds plus the precision and text the source gave. */
import { z } from "zod";
import { named } from "./registry.js";

/** How precise a date is; the client formats dates with it ("2023", "Oct 2023", "9 May 2025"). */
export const DatePrecision = z.enum(["day", "month", "year", "decade"]);

/** ISO `YYYY-MM-DD`. */
const isoDay = z.string().regex(/^-?\d{4,}-\d{2}-\d{2}$/);

export const DateValue = named(
  "DateValue",
  z.object({
    /** Earliest day the date can mean. */
    start: isoDay.nullable(),
    /** Latest day the date can mean. */
    end: isoDay.nullable(),
    precision: DatePrecision,
    /** Display text, e.g. "9 May 2025", "Oct 2023", "late 1960s", "Feb 2022 – Feb 2025". */
    text: z.string(),
  }),
  "A date as the graph holds it: inclusive ISO bounds (null when open) and what the source said.",
);
