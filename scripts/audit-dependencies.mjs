// `npm audit --omit=dev`: fails on any high or critical advisory for a runtime dependency. Exits 3 (reported as skipped
// by run-tests.mjs) when the registry's audit endpoint cannot be reached or refuses the request, which is not a finding.
import { spawnSync } from "node:child_process";

const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
let report = null;
try {
  report = JSON.parse(result.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason =
    report?.message ?? report?.error?.summary ?? result.stderr.trim().split("\n").pop() ?? "no answer";
  process.stdout.write(`npm audit unavailable, nothing checked: ${reason}\n`);
  process.exit(3);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
process.stdout.write(
  `npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low\n`,
);
if (serious > 0) {
  for (const [name, entry] of Object.entries(report.vulnerabilities ?? {})) {
    if (entry.severity === "high" || entry.severity === "critical") {
      process.stdout.write(`  ${entry.severity}: ${name} ${entry.range ?? ""}\n`);
    }
  }
  process.exit(1);
}
