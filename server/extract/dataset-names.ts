/** A memory resolver built from a dataset folder's actors and forums: the warm gazetteer of the command line and the bench. */
import { readDataset } from "../dataset/validate.js";
import { type KnownName, memoryResolver } from "./resolve.js";
import type { EntityResolver } from "./types.js";

/**
 * Reads and validates the dataset (it must be valid) and resolves against its names and aliases.
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
  return memoryResolver(names);
}
