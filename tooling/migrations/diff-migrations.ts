import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  loadMigrationsList,
  loadSchemaFiles,
  NO_FILTERS,
} from "./migration-files";
import { withSchemaEngine } from "./schema-engine";

export type DiffMigrationsOptions = {
  migrationsDir?: string;
  schemaPath?: string;
  log?: (line: string) => void;
};

const EMPTY_EXIT_CODE = 0;
const CHANGES_EXIT_CODE = 2;

/**
 * Compares what the migrations build (replayed in a temporary shadow database on the server of `databaseUrl`, dropped
 * afterwards) with the schema's datamodel. `sql` is the migration that would bring the migrations up to the schema;
 * the database of `databaseUrl` itself is not read or changed.
 */
export async function diffMigrationsAgainstSchema(
  databaseUrl: string,
  options: DiffMigrationsOptions = {},
): Promise<{ inSync: boolean; sql: string }> {
  const migrationsList = await loadMigrationsList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const files = await loadSchemaFiles(options.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const result = await withSchemaEngine(databaseUrl, { schemaFiles: files, log: options.log }, ({ run }) =>
    run("diffing migrations against the schema", (engine) =>
      engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      }),
    ),
  );
  if (result.exitCode !== EMPTY_EXIT_CODE && result.exitCode !== CHANGES_EXIT_CODE) {
    throw new Error(
      `The schema engine's diff ended with exit code ${result.exitCode}: ${result.stdout ?? ""}`,
    );
  }
  return { inSync: result.exitCode === EMPTY_EXIT_CODE, sql: result.stdout ?? "" };
}
