/** Output of the reliability scripts: a Markdown table on stdout and the full figures as JSON in bench/results/. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export type ReportRow = { measure: string; result: string; target?: string; ok?: boolean | null };

export function printTable(rows: readonly ReportRow[]): void {
  const header = ["measure", "result", "target", "met"];
  const cells = rows.map((row) => [
    row.measure,
    row.result,
    row.target ?? "",
    row.ok === undefined || row.ok === null ? "" : row.ok ? "yes" : "NO",
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => (line[column] ?? "").length)),
  );
  const line = (values: string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(" | ")} |\n`;
  process.stdout.write(`\n${line(header)}${line(widths.map((width) => "-".repeat(width)))}`);
  for (const values of cells) process.stdout.write(line(values));
}

/** Writes bench/results/<name>-<UTC timestamp>.json and returns its path. */
export function writeResults(name: string, data: unknown): string {
  const stamp = new Date()
    .toISOString()
    .replace(/:/g, "")
    .replace(/\.\d+Z$/, "Z");
  const file = path.join("bench", "results", `${name}-${stamp}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

export const formatCount = (value: number) => Math.round(value).toLocaleString("en-US");
export const formatMs = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`;
export const formatMiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

export function log(script: string, message: string): void {
  process.stdout.write(`[${script}] ${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

/** `--name value` or `--name=value` from the command line. */
export function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (const [index, arg] of args.entries()) {
    if (arg === `--${name}`) return args[index + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

export function numberArgument(name: string, fallback: number): number {
  const raw = argument(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll("_", "").replaceAll(",", ""));
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return value;
}
