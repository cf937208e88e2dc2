import type pg from "pg";
import { runConcurrently, type Timing } from "./measure";
import { fetchOnceMore, signIn } from "./support";

/**
 * The dashboard at scale: 10,000 segments seeded into the environment, then the list page and the Members tab of the
 * segment holding `amplitudeKeys` timed (30 loads each after an untimed one), through pages and their API calls.
 */
export async function timeDashboard(
  db: pg.Client,
  base: string,
  admin: { email: string; password: string },
  amplitudeKeys: readonly string[],
): Promise<Record<string, Timing>> {
  await db.query(
    `insert into segment (environment_id, key, name, unbounded, external, external_cohort_id, included_count, tags,
       last_sync_at, last_sync_status)
     select e.id, 'bulk-' || g, 'Bulk segment ' || g, true, 'amplitude', 'bulk-' || g, (g * 37) % 5000,
       array['bulk', 'tag' || (g % 20)], now() - (g || ' minutes')::interval, 'succeeded'
     from environment e join project p on p.id = e.project_id, generate_series(1, 10000) g
     where p.key = 'default' and e.key = 'production'`,
  );
  await db.query("analyze segment");
  const cookie = await signIn(base, admin.email, admin.password);
  const timePage = async (path: string) => {
    const load = async () => {
      const response = await fetchOnceMore(`${base}${path}`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      await response.arrayBuffer();
    };
    // Untimed: Next.js loads a page's server code on its first request.
    await load();
    return runConcurrently(30, 1, load);
  };
  const firstKey = amplitudeKeys.slice().sort()[Math.floor(amplitudeKeys.length / 2)] ?? "";
  return {
    listPage: await timePage("/default/production/segments"),
    listApi: await timePage(
      "/api/v2/segments/default/production?limit=20&filter=query%20equals%20segment%2099",
    ),
    membersPage: await timePage("/default/production/segments/amplitude-bench-amplitude/members"),
    membersApi: await timePage(
      `/api/v2/segments/default/production/amplitude-bench-amplitude/members?limit=50&after=${encodeURIComponent(firstKey)}`,
    ),
    membersPrefix: await timePage(
      `/api/v2/segments/default/production/amplitude-bench-amplitude/members?limit=50&prefix=${encodeURIComponent(firstKey.slice(0, 3))}`,
    ),
  };
}
