import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Every file git tracks, as repo-relative paths with forward slashes; deleted but not yet committed files left out. */
export function trackedFiles(): string[] {
  const output = execFileSync("git", ["ls-files", "-z"], { cwd: REPO_ROOT, encoding: "utf8" });
  return output.split("\0").filter((file) => file !== "" && existsSync(path.join(REPO_ROOT, file)));
}

/** Lines as `wc -l` counts them, plus a last line without a newline. */
export function countLines(text: string): number {
  if (text === "") return 0;
  const newlines = text.split("\n").length - 1;
  return text.endsWith("\n") ? newlines : newlines + 1;
}

export function readLines(file: string): number {
  return countLines(readFileSync(path.join(REPO_ROOT, file), "utf8"));
}
