/**
 * An embedded PostgreSQL that a script runs itself and hands to the app as DATABASE_URL, so it can stop and start it
 * under the app (fault test) or share it between app instances (multi-instance test).
 */
import { rmSync } from "node:fs";
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from "@/lib/server/postgres/start-embedded-postgres";

export type OwnPostgres = {
  url: string;
  /** Fast shutdown (SIGINT): sessions are terminated, as in a crash of the database or a failover. */
  stop: () => Promise<void>;
  /** Starts it again on the same data directory and port. */
  start: () => Promise<void>;
};

export async function startOwnPostgres(options: { dataDir: string; port: number }): Promise<OwnPostgres> {
  rmSync(options.dataDir, { recursive: true, force: true });
  let handle: EmbeddedPostgresHandle | null = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    port: options.port,
  });
  await handle.createDatabase("tributary");
  const url = handle.urlFor("tributary");
  return {
    url,
    stop: async () => {
      const running = handle;
      handle = null;
      await running?.stop();
    },
    start: async () => {
      if (handle) return;
      handle = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port });
    },
  };
}
