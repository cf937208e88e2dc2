import "server-only";
import type pg from "pg";

/** Every segment key an environment has or ever had (segment_generation outlives deleted segments): its refs are ours. */
export async function readOwnSegmentKeys(db: pg.ClientBase, environmentId: string): Promise<Set<string>> {
  const keys = await db.query<{ key: string }>(
    `select key from segment where environment_id = $1
     union select key from segment_generation where environment_id = $1`,
    [environmentId],
  );
  return new Set(keys.rows.map((row) => row.key));
}
