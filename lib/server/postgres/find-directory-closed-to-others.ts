import { statSync } from "node:fs";
import path from "node:path";

/**
 * The first directory on the way to any of `targets` (each ancestor, from the root down, the target included when it
 * exists) that users other than its owner and group may not enter, or null. Started as root, embedded PostgreSQL runs as a
 * `postgres` system user, which must reach both its binaries and its data directory: a project under /root (mode 700)
 * fails with a bare `spawn ... EACCES` otherwise.
 */
export function findDirectoryClosedToOthers(targets: readonly string[]): string | null {
  for (const target of targets) {
    const absolute = path.resolve(target);
    const { root } = path.parse(absolute);
    const parts = absolute.slice(root.length).split(path.sep).filter(Boolean);
    let current = root;
    for (const part of parts) {
      current = path.join(current, part);
      let mode: number;
      try {
        mode = statSync(current).mode;
      } catch {
        break; // not created yet: whoever creates it decides its mode
      }
      if ((mode & 0o001) === 0) return current;
    }
  }
  return null;
}
