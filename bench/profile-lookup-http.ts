/**
 * Per-key lookup latency over real HTTP against the built app on a 1,000,000-member segment, without the ingest phases of
 * `npm run bench`: for iterating on the lookup path. The members are inserted with one SQL statement.
 *
 *   node --experimental-wasm-modules --conditions=react-server --import tsx bench/profile-lookup-http.ts [--members=1000000]
 */
import pg from "pg";
import { runConcurrently } from "./measure";
import { keepAliveClient } from "./http-client";
import { startApp, stopApp, tokenPoster } from "./support";

const PORT = 3310;
const PG_PORT = 54349;
const MEMBERS = Number(process.argv.find((arg) => arg.startsWith("--members="))?.split("=")[1] ?? 1_000_000);
const PROFILE_DIR = process.argv.find((arg) => arg.startsWith("--profile="))?.split("=")[1];
const DATABASE_URL = `postgresql://tributary:tributary@127.0.0.1:${PG_PORT}/tributary`;
const BASE = `http://localhost:${PORT}`;

async function main() {
  const app = await startApp({
    port: PORT,
    pgPort: PG_PORT,
    dataDir: ".data/bench-lookup",
    adminEmail: "bench@tributary.local",
    adminPassword: "bench-password-1",
    // --profile=DIR: every process of the app writes a V8 CPU profile there when it exits.
    env: PROFILE_DIR ? { NODE_OPTIONS: `--require ${PROFILE_DIR}/cpuprof.cjs` } : {},
  });
  try {
    process.env.DATABASE_URL = DATABASE_URL;
    const { createTestToken } = await import("@/tests/factories/tokens");
    const { disconnectDatabase } = await import("@/lib/server/db");
    const { value: token } = await createTestToken({ role: "writer" });
    await disconnectDatabase();
    const db = new pg.Client({ connectionString: DATABASE_URL });
    db.on("error", () => undefined);
    await db.connect();
    const environment = await db.query<{ client_side_id: string }>(
      "select e.client_side_id from environment e join project p on p.id = e.project_id where p.key = 'default' and e.key = 'production'",
    );
    const post = tokenPoster(BASE, token);
    await post("/api/v2/segment-targets/rudderstack", {
      environmentId: environment.rows[0]?.client_side_id,
      cohortId: "big",
      cohortName: "Big",
      listData: { add: [{ id: "member-0" }] },
    });
    await db.query(
      `insert into segment_member (segment_id, context_key, added_at)
       select s.id, 'member-' || g, now() from segment s, generate_series(1, $1::int) g where s.key = 'rudderstack-big'`,
      [MEMBERS - 1],
    );
    await db.query("vacuum analyze segment_member");
    await db.end();

    const client = keepAliveClient(BASE, { Authorization: token });
    const lookup = async (index: number) => {
      const key = index % 2 === 0 ? `member-${(index * 7919) % MEMBERS}` : `absent-${index}`;
      const { status } = await client.get(
        `/api/v2/segments/default/production/rudderstack-big/contexts/${key}`,
      );
      if (status !== 200) throw new Error(`lookup answered ${status}`);
    };
    await runConcurrently(1000, 4, lookup);
    for (const clients of [1, 4, 1, 4]) {
      const timing = await runConcurrently(clients === 1 ? 3000 : 6000, clients, lookup);
      process.stdout.write(
        `${clients} client(s): ${Math.round(timing.count / timing.seconds)} req/s, p50 ${timing.p50.toFixed(2)} ms, ` +
          `p99 ${timing.p99.toFixed(2)} ms, max ${timing.max.toFixed(1)} ms\n`,
      );
    }
    client.close();
  } finally {
    await stopApp(app);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
