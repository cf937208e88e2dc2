/**
 * In-process latency of the per-key lookup route on a 1,000,000-member segment (no HTTP): how much of the over-HTTP time
 * is the route itself. Starts an embedded PostgreSQL of its own.
 *
 *   node --experimental-wasm-modules --conditions=react-server --import tsx bench/profile-lookup.ts [--members=1000000]
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runConcurrently } from "./measure";

const MEMBERS = Number(process.argv.find((arg) => arg.startsWith("--members="))?.split("=")[1] ?? 1_000_000);

async function main() {
  const { startEmbeddedPostgres } = await import("@/lib/server/postgres/start-embedded-postgres");
  const { applyMigrations } = await import("@/tooling/migrations/apply-migrations");
  const postgres = await startEmbeddedPostgres({
    dataDir: mkdtempSync(path.join(os.tmpdir(), "tributary-lookup-pg-")),
    persistent: false,
  });
  try {
    await postgres.createDatabase("tributary");
    const url = postgres.urlFor("tributary");
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    process.env.NEXTAUTH_SECRET = "profile-secret-0123456789abcdef";
    process.env.TRIBUTARY_LOG_LEVEL = "error";
    process.env.TRIBUTARY_RATE_LIMIT_PER_10S = "10000000";
    const { createTestProject } = await import("@/tests/factories/projects");
    const { createTestSegment } = await import("@/tests/factories/segments");
    const { createTestToken } = await import("@/tests/factories/tokens");
    const { NextRequest } = await import("next/server");
    const { GET } =
      await import("@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/[contextKey]/route");
    const { disconnectDatabase, pgPool } = await import("@/lib/server/db");

    const { project, production } = await createTestProject();
    const segment = await createTestSegment(production, { key: "big" });
    await pgPool().query(
      `insert into segment_member (segment_id, context_key, added_at)
       select $1, 'member-' || g, now() from generate_series(1, $2::int) g`,
      [segment.id, MEMBERS],
    );
    await pgPool().query("vacuum analyze segment_member");
    const { value: token } = await createTestToken({ role: "reader" });

    const lookup = async (index: number) => {
      const key = index % 2 === 0 ? `member-${(index * 7919) % MEMBERS}` : `absent-${index}`;
      const params = {
        projectKey: project.key,
        environmentKey: production.key,
        segmentKey: "big",
        contextKey: key,
      };
      const request = new NextRequest(
        new URL(`http://localhost/api/v2/segments/${project.key}/${production.key}/big/contexts/${key}`),
        { headers: { authorization: token } },
      );
      const response = await GET(request, { params: Promise.resolve(params) });
      if (response.status !== 200) throw new Error(`lookup answered ${response.status}`);
      await response.arrayBuffer();
    };
    await runConcurrently(500, 1, lookup); // warm-up: prepared statements on every pooled connection
    for (const clients of [1, 4]) {
      const timing = await runConcurrently(5000, clients, lookup);
      process.stdout.write(
        `${clients} client(s): ${Math.round(timing.count / timing.seconds)} req/s, p50 ${timing.p50.toFixed(2)} ms, ` +
          `p99 ${timing.p99.toFixed(2)} ms\n`,
      );
    }
    await disconnectDatabase();
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
