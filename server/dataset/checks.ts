/** The checks of one valid record against the rest of the dataset: references, evidence in its source, dates and notes. Shared by the whole-file and the streaming validators. */
import { isRealDate, partialDate } from "./dates.js";
import { furnitureCache, locate, overlapsAny } from "./evidence.js";
import {
  type Actor,
  type Claim,
  type DateSpec,
  type Event,
  type Evidence,
  type ExtraEvidence,
  type Forum,
  RESERVED_CHARACTERS,
  type SourceDocument,
} from "./schema.js";
import type { ProblemCode, SourceText } from "./validate.js";

type Segment = string | number;
export type Report = (code: ProblemCode, file: string, segments: readonly Segment[], message: string) => void;

export interface RecordChecks {
  source(value: SourceDocument, index: number): void;
  actor(value: Actor, index: number): void;
  forum(value: Forum, index: number): void;
  event(value: Event, index: number): void;
  claim(value: Claim, index: number): void;
  /** An entry of evidence.yaml: more evidence for a record defined here or in a required dataset. */
  extraEvidence(value: ExtraEvidence, index: number): void;
}

/**
 * Takes a reference to an id the dataset does not define: true when it may be defined by a required
 * dataset (the dataset has `requires`), and it is then checked against the graph at load.
 */
export type ExternalReference = (id: string, file: string, at: readonly Segment[]) => boolean;

/**
 * The first of RESERVED_CHARACTERS in a text, as `U+001D`, and its 1-based line; undefined when none.
 * @example reservedCharacterIn("a\nb\u001d") // { character: "U+001D", line: 2 }
 */
function reservedCharacterIn(text: string): { character: string; line: number } | undefined {
  const at = text.search(RESERVED_CHARACTERS);
  if (at === -1) return undefined;
  const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0");
  return { character: `U+${code}`, line: text.slice(0, at).split("\n").length };
}

/**
 * Checks records one at a time; `has` tells whether an id is defined anywhere in the dataset and
 * `sourceText` gives a source's text (undefined when its file is missing: reported elsewhere);
 * `external` takes the ids it does not define (absent: every such id is a dangling reference).
 * @example const check = recordChecks(report, (id) => ids.has(id), (id) => texts.get(id)); check.event(event, 3)
 */
export function recordChecks(
  report: Report,
  has: (id: string) => boolean,
  sourceText: (id: string) => SourceText | undefined,
  external?: ExternalReference,
): RecordChecks {
  const checkRef = (file: string, at: Segment[], id: string | null | undefined, owner?: string) => {
    if (id === null || id === undefined) return;
    if (id === owner) report("SELF_REFERENCE", file, at, `"${id}" refers to itself`);
    else if (!has(id) && !external?.(id, file, at))
      report(
        "DANGLING_REFERENCE",
        file,
        at,
        `no record has the id "${id}"${external ? "" : " (a dataset that builds on others names them in manifest.yaml `requires`)"}`,
      );
  };
  const furnitureOf = furnitureCache();
  const checkEvidence = (file: string, at: Segment[], list: readonly Evidence[]) => {
    for (const [j, evidence] of list.entries()) checkQuote(file, [...at, j], evidence);
  };
  // Evidence quotes this dataset's own sources: a passage is only ever located in a text it holds.
  const checkQuote = (file: string, here: Segment[], evidence: Evidence) => {
    if (!has(evidence.source)) {
      report("DANGLING_REFERENCE", file, [...here, "source"], `no source has the id "${evidence.source}"`);
      return;
    }
    const source = sourceText(evidence.source);
    if (!source) return; // its file is missing or unreadable: reported above
    const found = locate(source.text, evidence);
    const quote = JSON.stringify(evidence.exact.length > 70 ? `${evidence.exact.slice(0, 67)}...` : evidence.exact);
    if (!found.found) {
      if (found.reason === "not-found")
        report("EVIDENCE_NOT_FOUND", file, [...here, "exact"], `${quote} does not occur in ${evidence.source}`);
      else if (found.reason === "context-mismatch")
        report(
          "EVIDENCE_CONTEXT_MISMATCH",
          file,
          [...here, evidence.prefix !== undefined ? "prefix" : "suffix"],
          `${quote} occurs ${found.occurrences} time(s) in ${evidence.source}, but never with this prefix/suffix`,
        );
      else
        report(
          "EVIDENCE_AMBIGUOUS",
          file,
          [...here, "exact"],
          `${quote} occurs ${found.matches} times in ${evidence.source}; add a prefix and/or suffix that makes it unique`,
        );
      return;
    }
    if (source.document.furniture.length > 0 && overlapsAny(found.start, found.end, furnitureOf(source)))
      report("EVIDENCE_IN_FURNITURE", file, [...here, "exact"], `${quote} quotes page furniture, not the text`);
  };
  const checkDate = (file: string, at: Segment[], date: DateSpec | null | undefined) => {
    if (!date) return;
    for (const key of ["on", "from", "to"] as const) {
      const value = date[key];
      if (value !== undefined && !isRealDate(value))
        report("INVALID_DATE", file, [...at, key], `"${value}" is not a calendar date`);
    }
    const real = (value: string | undefined) => value !== undefined && isRealDate(value);
    if (real(date.from) && real(date.to) && partialDate(date.from ?? "").start > partialDate(date.to ?? "").end)
      report("INVALID_DATE", file, [...at, "to"], `"to" (${date.to}) is before "from" (${date.from})`);
  };
  const checkNote = (file: string, at: Segment[], item: { certainty: string; note?: string | undefined }) => {
    if (item.certainty !== "stated" && !item.note)
      report("NOTE_REQUIRED", file, [...at, "note"], `certainty "${item.certainty}" needs a note saying why`);
  };

  return {
    source(source: SourceDocument, index: number) {
      const reserved = reservedCharacterIn(sourceText(source.id)?.text ?? "");
      if (reserved)
        report(
          "INVALID_VALUE",
          "manifest.yaml",
          ["sources", index, "file"],
          `source file "${source.file}" holds the control character ${reserved.character} at line ${reserved.line} (U+001C to U+001F are reserved: the bulk import uses them as markers)`,
        );
      checkRef("manifest.yaml", ["sources", index, "author"], source.author);
      checkDate("manifest.yaml", ["sources", index, "published"], source.published);
    },
    actor(actor: Actor, index: number) {
      const at: Segment[] = ["actors", index];
      actor.roles.forEach((role, j) => {
        checkRef("actors.yaml", [...at, "roles", j, "of"], role.of, actor.id);
        checkDate("actors.yaml", [...at, "roles", j, "date"], role.date);
        checkNote("actors.yaml", [...at, "roles", j], role);
        checkEvidence("actors.yaml", [...at, "roles", j, "evidence"], role.evidence);
      });
      actor.memberOf.forEach((membership, j) => {
        checkRef("actors.yaml", [...at, "memberOf", j, "forum"], membership.forum);
        checkNote("actors.yaml", [...at, "memberOf", j], membership);
        checkEvidence("actors.yaml", [...at, "memberOf", j, "evidence"], membership.evidence);
      });
      checkEvidence("actors.yaml", [...at, "evidence"], actor.evidence);
    },
    forum(forum: Forum, index: number) {
      checkRef("forums.yaml", ["forums", index, "partOf"], forum.partOf, forum.id);
      checkEvidence("forums.yaml", ["forums", index, "evidence"], forum.evidence);
    },
    event(event: Event, index: number) {
      const at: Segment[] = ["events", index];
      checkDate("events.yaml", [...at, "date"], event.date);
      for (const [j, forum] of event.forums.entries()) checkRef("events.yaml", [...at, "forums", j], forum);
      event.participants.forEach((participant, j) => {
        checkRef("events.yaml", [...at, "participants", j, "actor"], participant.actor);
        checkNote("events.yaml", [...at, "participants", j], participant);
      });
      checkRef("events.yaml", [...at, "partOf"], event.partOf, event.id);
      checkNote("events.yaml", at, event);
      checkEvidence("events.yaml", [...at, "evidence"], event.evidence);
    },
    claim(claim: Claim, index: number) {
      const at: Segment[] = ["claims", index];
      checkDate("claims.yaml", [...at, "date"], claim.date);
      checkDate("claims.yaml", [...at, "quantity", "period"], claim.quantity?.period);
      for (const [j, actor] of claim.statedBy.entries()) checkRef("claims.yaml", [...at, "statedBy", j], actor);
      for (const [j, subject] of claim.about.entries()) checkRef("claims.yaml", [...at, "about", j], subject, claim.id);
      for (const [j, other] of claim.contradicts.entries()) {
        checkRef("claims.yaml", [...at, "contradicts", j, "claim"], other.claim, claim.id);
      }
      checkNote("claims.yaml", at, claim);
      checkEvidence("claims.yaml", [...at, "evidence"], claim.evidence);
    },
    extraEvidence(entry: ExtraEvidence, index: number) {
      checkRef("evidence.yaml", ["evidence", index, "of"], entry.of);
      checkQuote("evidence.yaml", ["evidence", index], entry);
    },
  };
}
