/** The bundled Neo4j's data folder: created before the launcher locks it, and every way it can be unusable told as LIAISON_DATA_DIR, the path, what is wrong and the fix. */
import { constants } from "node:fs";
import { access, mkdir, stat, statfs } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { StartupError } from "../lib/errors.js";

/** What each errno means for a data folder, and what to do about it. */
const problems: Record<string, { what: string; fix: string }> = {
  EACCES: {
    what: "is not writable by the user running Liaison",
    fix: "Give that user write access (e.g. chown -R {user} on the folder), or set LIAISON_DATA_DIR to a folder it can write.",
  },
  EPERM: {
    what: "may not be written: the system refused (an immutable attribute, a mount option or a security policy)",
    fix: "Lift the restriction (e.g. chattr -i, check the mount options), or set LIAISON_DATA_DIR to a folder Liaison can write.",
  },
  EROFS: {
    what: "is on a read-only file system",
    fix: "Set LIAISON_DATA_DIR to a folder on a writable disk, or remount that disk read-write.",
  },
  ENOSPC: {
    what: "is on a full disk",
    fix: "Free space on that disk (Neo4j needs a few hundred MB), or set LIAISON_DATA_DIR to a folder on another disk.",
  },
  EDQUOT: {
    what: "cannot grow: the disk quota of the user running Liaison is used up",
    fix: "Free space within the quota or have it raised, or set LIAISON_DATA_DIR to a folder elsewhere.",
  },
  ENOTDIR: {
    what: "cannot be a folder: a part of its path is a file",
    fix: "Move that file away, or set LIAISON_DATA_DIR to a folder path.",
  },
  EEXIST: {
    what: "is a file, not a folder",
    fix: "Move that file away, or set LIAISON_DATA_DIR to a folder path.",
  },
};

function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return "the user running Liaison";
  }
}

/**
 * The start-up error for a data folder the file system refused: names LIAISON_DATA_DIR, the path
 * concerned, what is wrong and the fix. No stack, no raw errno text alone.
 * @example dataDirUnusable("EROFS", "/mnt/ro/.data/neo4j") // DATA_DIR_UNUSABLE, "… is on a read-only file system …"
 */
export function dataDirUnusable(code: string, where: string, cause?: unknown, detail?: string): StartupError {
  const known = problems[code];
  const what = `${known?.what ?? "cannot be used"}${detail ? `, ${detail}` : ""}`;
  const fix = (known?.fix ?? "Check that folder, or set LIAISON_DATA_DIR to another one.").replace(
    "{user}",
    userName(),
  );
  return new StartupError(
    "DATA_DIR_UNUSABLE",
    `The data folder (LIAISON_DATA_DIR) cannot be used: ${where} ${what} (${code}).\n  ${fix}`,
    { cause },
  );
}

/**
 * The start-up error for a data folder that another Liaison holds (the launcher's lock).
 * @example dataDirInUse("/srv/.data/neo4j", "pid 12, neo4j pid 34")
 */
export function dataDirInUse(home: string, owner: string): StartupError {
  return new StartupError(
    "DATA_DIR_IN_USE",
    `The data folder (LIAISON_DATA_DIR) ${home} is already in use by another Liaison (${owner}).\n  Stop that one first, or set LIAISON_DATA_DIR to another folder to run a second one.`,
  );
}

/**
 * Creates the database's home (and its parents) if missing. Only folders are created here: every
 * file inside is written by the launcher after it holds the home's lock.
 * Fails with DATA_DIR_UNUSABLE for any refusal of the file system.
 */
export async function prepareHome(home: string): Promise<void> {
  // One level at a time: Node's recursive mkdir reports ENOENT for a read-only file system (EROFS).
  const missing: string[] = [];
  for (let folder = path.resolve(home); ; folder = path.dirname(folder)) {
    const found = await stat(folder).catch((error: NodeJS.ErrnoException) => error);
    if (!(found instanceof Error)) {
      if (!found.isDirectory()) throw dataDirUnusable(folder === path.resolve(home) ? "EEXIST" : "ENOTDIR", folder);
      break;
    }
    if (found.code !== "ENOENT" || folder === path.dirname(folder)) throw fromErrno(found, folder);
    missing.unshift(folder);
  }
  for (const folder of missing) {
    await mkdir(folder, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw fromErrno(error, folder);
    });
  }
  // Asking is not writing: access() answers EROFS, EPERM (immutable) or EACCES without touching anything.
  await access(home, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    throw fromErrno(error, home);
  });
  // On a disk with next to no room Neo4j does not fail: it hangs in its start-up. Say so instead.
  const disk = await statfs(home);
  const freeBytes = disk.bavail * disk.bsize;
  if (freeBytes < minFreeBytes) {
    throw dataDirUnusable(
      "ENOSPC",
      home,
      undefined,
      `only ${(freeBytes / 2 ** 20).toFixed(1)} MB free where Liaison needs at least ${minFreeBytes / 2 ** 20} MB`,
    );
  }
}

/** Room the bundled Neo4j needs to start and take some writes (an empty store is about 3 MB; logs grow). */
const minFreeBytes = 64 * 2 ** 20;

function fromErrno(error: NodeJS.ErrnoException, folder: string): Error {
  return typeof error.code === "string" ? dataDirUnusable(error.code, error.path ?? folder, error) : error;
}
