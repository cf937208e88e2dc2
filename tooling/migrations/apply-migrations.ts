import { DEFAULT_MIGRATIONS_DIR, loadMigrationsList, NO_FILTERS } from "./migration-files";
import { withSchemaEngine } from "./schema-engine";

export type ApplyMigrationsOptions = {
  migrationsDir?: string;
  log?: (line: string) => void;
};

/**
 * Applies the migrations of `prisma/migrations` that the database has not applied yet (recorded in `_prisma_migrations`,
 * compatible with `prisma migrate deploy`). Idempotent. Closes every connection it opened before returning.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<{ appliedMigrationNames: string[] }> {
  const migrationsList = await loadMigrationsList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const { appliedMigrationNames } = await withSchemaEngine(databaseUrl, { log: options.log }, ({ run }) =>
    run("applying migrations", (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTERS })),
  );
  return { appliedMigrationNames };
}
