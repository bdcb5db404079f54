/** A memory resolver built from a dataset folder's actors (and roles), forums and events: the warm gazetteer of the command line and the bench. */
import { resolveDate } from "../dataset/dates.js";
import { readDataset } from "../dataset/validate.js";
import type { KnownEvent } from "./event-lookup.js";
import { type KnownName, memoryResolver } from "./resolve.js";
import type { KnownRole } from "./role-lookup.js";
import type { EntityResolver } from "./types.js";

/**
 * Reads and validates the dataset (it must be valid) and resolves against its names and aliases,
 * meetings against its events, offices ("the Chinese leader") against its roles.
 * @example const resolver = await datasetResolver("data/seed")
 */
export async function datasetResolver(folder: string): Promise<EntityResolver> {
  const dataset = await readDataset(folder);
  const names: KnownName[] = [
    ...dataset.actors.map((a) => ({
      entity: a.id,
      name: a.name,
      aliases: a.aliases ?? [],
      label: "Actor" as const,
      kind: a.kind,
      roles: (a.roles ?? []).map((r) => r.title),
    })),
    ...dataset.forums.map((f) => ({
      entity: f.id,
      name: f.name,
      aliases: f.aliases ?? [],
      label: "Forum" as const,
      kind: f.kind,
    })),
  ];
  const forumsOf = new Map(dataset.events.map((e) => [e.id, e.forums]));
  const events: KnownEvent[] = dataset.events.map((e) => {
    const date = e.date ? resolveDate(e.date) : null;
    return {
      entity: e.id,
      name: e.name,
      kind: e.kind,
      start: date?.start ?? null,
      end: date?.end ?? null,
      precision: date?.precision ?? null,
      participants: e.participants.map((p) => p.actor),
      // An event's forums, or those of the series it is part of (as the graph lookup reads them).
      forums: [...new Set([...e.forums, ...(e.partOf ? (forumsOf.get(e.partOf) ?? []) : [])])],
    };
  });
  const roles: KnownRole[] = dataset.actors.flatMap((a) =>
    (a.roles ?? []).flatMap((r) =>
      r.of
        ? [
            {
              holder: a.id,
              name: a.name,
              title: r.title,
              of: r.of,
              qualifier: r.qualifier ?? null,
              end: r.date ? resolveDate(r.date).end : null,
            },
          ]
        : [],
    ),
  );
  return memoryResolver(names, { events, roles });
}
