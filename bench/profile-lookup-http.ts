/**
 * Per-key lookup latency over real HTTP against the built app on a 1,000,000-member segment, without the ingest phases of
 * `npm run bench`: for iterating on the lookup path. The members are inserted with one SQL statement.
 *
 *   node --experimental-wasm-modules --conditions=react-server --import tsx bench/profile-lookup-http.ts [--members=1000000]
 *
 * `--reuse` starts the app on the database `npm run bench` left behind (`.data/bench`, 3,000,000 random keys written by
 * pushes) and looks up its `amplitude-bench-amplitude` segment instead, to tell the data's part from the rest. Each round
 * prints the CPU time per request of PostgreSQL's backends, the web server and this load process.
 */
import pg from "pg";
import { cpuByRole, describeCpuPerUnit } from "./process-cpu";
import { runConcurrently } from "./measure";
import { keepAliveClient } from "./http-client";
import { partnerAddBody } from "./partner-body";
import { startApp, stopApp, tokenPoster } from "./support";

const REUSE = process.argv.includes("--reuse");
const PORT = 3310;
const PG_PORT = REUSE ? 54339 : 54349;
const MEMBERS = Number(process.argv.find((arg) => arg.startsWith("--members="))?.split("=")[1] ?? 1_000_000);
const PROFILE_DIR = process.argv.find((arg) => arg.startsWith("--profile="))?.split("=")[1];
const DATABASE_URL = `postgresql://tributary:tributary@127.0.0.1:${PG_PORT}/tributary`;
const BASE = `http://localhost:${PORT}`;

async function main() {
  const app = await startApp({
    port: PORT,
    pgPort: PG_PORT,
    dataDir: REUSE ? ".data/bench" : ".data/bench-lookup",
    keepDataDir: REUSE,
    adminEmail: "bench@tributary.local",
    adminPassword: "bench-password-1",
    // --profile=DIR: every process of the app writes a V8 CPU profile there when it exits.
    // APP_NODE_OPTIONS: more Node.js options for the app's processes (e.g. --max-semi-space-size=32).
    env: {
      NODE_OPTIONS: [
        PROFILE_DIR ? `--require ${PROFILE_DIR}/cpuprof.cjs` : "",
        process.env.APP_NODE_OPTIONS ?? "",
      ]
        .join(" ")
        .trim(),
    },
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
    let segmentKey = "rudderstack-big";
    let memberKeys: string[];
    if (REUSE) {
      segmentKey = "amplitude-bench-amplitude";
      const sample = await db.query<{ context_key: string }>(
        `select context_key from segment_member tablesample system (1)
         where segment_id = (select id from segment where key = $1) limit 20000`,
        [segmentKey],
      );
      memberKeys = sample.rows.map((row) => row.context_key).sort(() => Math.random() - 0.5);
    } else {
      const post = tokenPoster(BASE, token);
      const clientSideId = environment.rows[0]?.client_side_id;
      if (clientSideId === undefined) throw new Error("no production environment");
      await post(
        "/api/v2/segment-targets/rudderstack",
        partnerAddBody("rudderstack", clientSideId, "big", ["member-0"], "Big"),
      );
      await db.query(
        `insert into segment_member (segment_id, context_key, added_at)
         select s.id, 'member-' || g, now() from segment s, generate_series(1, $1::int) g where s.key = 'rudderstack-big'`,
        [MEMBERS - 1],
      );
      await db.query("vacuum analyze segment_member");
      memberKeys = Array.from({ length: 20000 }, (_, index) => `member-${(index * 7919) % MEMBERS}`);
    }
    await db.end();

    const client = keepAliveClient(BASE, { Authorization: token });
    const lookup = async (index: number) => {
      const key = index % 2 === 0 ? (memberKeys[(index / 2) % memberKeys.length] ?? "") : `absent-${index}`;
      const { status } = await client.get(
        `/api/v2/segments/default/production/${segmentKey}/contexts/${encodeURIComponent(key)}`,
      );
      if (status !== 200) throw new Error(`lookup answered ${status}`);
    };
    await runConcurrently(1000, 4, lookup);
    for (const clients of [1, 4, 1, 4]) {
      const cpuBefore = cpuByRole("profile-lookup-http");
      const timing = await runConcurrently(clients === 1 ? 3000 : 6000, clients, lookup);
      const cpu = describeCpuPerUnit(cpuBefore, cpuByRole("profile-lookup-http"), timing.count);
      process.stdout.write(
        `${clients} client(s): ${Math.round(timing.count / timing.seconds)} req/s, p50 ${timing.p50.toFixed(2)} ms, ` +
          `p99 ${timing.p99.toFixed(2)} ms, max ${timing.max.toFixed(1)} ms; CPU ms/request: ${cpu}\n`,
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
