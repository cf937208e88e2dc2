// Paths into a JSON value, and setting a value at one as an own data property (so `__proto__` is a key like any other).

export type Path = readonly (string | number)[];

/**
 * Where a mutation can apply: the root and every value below it, in document order, but not below `MAX_PATH_DEPTH` nor past
 * the first `MAX_PATH_ITEMS` items of an array, so that an earlier mutation's deep or huge value stays cheap to walk.
 */
const MAX_PATH_DEPTH = 12;
const MAX_PATH_ITEMS = 50;

export function pathsOf(root: unknown): Path[] {
  const paths: Path[] = [];
  const pending: { value: unknown; path: Path }[] = [{ value: root, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    paths.push(path);
    if (path.length >= MAX_PATH_DEPTH || typeof value !== "object" || value === null) continue;
    const children: [string | number, unknown][] = Array.isArray(value)
      ? value.slice(0, MAX_PATH_ITEMS).map((item: unknown, index): [number, unknown] => [index, item])
      : Object.entries(value);
    for (const [step, child] of children.reverse()) pending.push({ value: child, path: [...path, step] });
  }
  return paths;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

/** Reads the container holding `path`'s last step; null for the root. */
function parentOf(
  root: unknown,
  path: Path,
): { parent: Record<string, unknown> | unknown[]; step: string | number } | null {
  const step = path[path.length - 1];
  if (step === undefined) return null;
  let parent: unknown = root;
  for (const part of path.slice(0, -1)) {
    if (!isContainer(parent)) return null;
    parent = Array.isArray(parent) ? parent[Number(part)] : parent[String(part)];
  }
  return isContainer(parent) ? { parent, step } : null;
}

export function valueAt(root: unknown, path: Path): unknown {
  const location = parentOf(root, path);
  if (location === null) return root;
  const { parent, step } = location;
  return Array.isArray(parent) ? parent[Number(step)] : parent[String(step)];
}

/** Sets (or, with `remove`, deletes) the value at `path` as an own data property, whatever the key is. */
export function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const location = parentOf(root, path);
  if (location === null) return remove ? undefined : value;
  const { parent, step } = location;
  if (Array.isArray(parent)) {
    const index = Number(step);
    if (remove) parent.splice(index, 1);
    else parent[index] = value;
  } else if (remove) {
    delete parent[String(step)];
  } else {
    Object.defineProperty(parent, String(step), {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return root;
}
