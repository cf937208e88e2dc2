import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { type PgConnectionFields, quoteIdentifier } from "./database-url";
import { SHADOW_DATABASE_PREFIX } from "./migration-files";
import { patchAdapter } from "./pg-adapter-patches";

export type EngineLog = (line: string) => void;

// ---------------------------------------------------------------------------------------------------------------------
// Adapter factory: defect 2 (shadow database) and bookkeeping so that every pool is closed at the end
// ---------------------------------------------------------------------------------------------------------------------

export type TrackedFactory = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Disposes every adapter the engine opened and did not dispose, shadow databases (dropping them) first. */
  disposeAll: () => Promise<void>;
};

function makeDisposeOnce(
  adapter: SqlDriverAdapter,
  dispose: () => Promise<void>,
  onDisposed: () => void,
): void {
  let disposal: Promise<void> | null = null;
  adapter.dispose = () => {
    disposal ??= dispose().finally(onDisposed);
    return disposal;
  };
}

export function createTrackedFactory(connection: PgConnectionFields, log: EngineLog): TrackedFactory {
  const { schema, ...fields } = connection;
  const pgOptions = { schema, onPoolError: (error: Error) => log(`pool error: ${error.message}`) };
  const base = new PrismaPg(fields, pgOptions);
  const open = new Set<SqlDriverAdapter>();
  const openShadows = new Set<SqlDriverAdapter>();

  const connect = async (): Promise<SqlDriverAdapter> => {
    const adapter = patchAdapter(await base.connect());
    const originalDispose = adapter.dispose.bind(adapter);
    makeDisposeOnce(adapter, originalDispose, () => open.delete(adapter));
    open.add(adapter);
    return adapter;
  };

  // adapter-pg's own version drops the shadow database while its pool still holds a connection to it.
  const connectToShadowDb = async (): Promise<SqlDriverAdapter> => {
    const admin = patchAdapter(await base.connect());
    const database = `${SHADOW_DATABASE_PREFIX}${randomUUID()}`;
    let shadow: SqlDriverAdapter;
    try {
      await admin.executeScript(`CREATE DATABASE ${quoteIdentifier(database)}`);
      shadow = patchAdapter(await new PrismaPg({ ...fields, database }, pgOptions).connect());
    } catch (error) {
      await admin
        .executeScript(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`)
        .catch(() => undefined);
      await admin.dispose();
      throw error;
    }
    const shadowDispose = shadow.dispose.bind(shadow);
    makeDisposeOnce(
      shadow,
      async () => {
        try {
          await shadowDispose();
          await admin.executeScript(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
        } finally {
          await admin.dispose();
        }
      },
      () => openShadows.delete(shadow),
    );
    openShadows.add(shadow);
    return shadow;
  };

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect,
    connectToShadowDb,
  };

  const disposeAll = async () => {
    const errors: unknown[] = [];
    for (const adapters of [openShadows, open]) {
      for (const adapter of [...adapters]) {
        await adapter.dispose().catch((error: unknown) => errors.push(error));
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, "Closing the schema engine's connections failed");
  };

  return { factory, disposeAll };
}
