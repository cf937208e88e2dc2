import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/tooling/migrations/apply-migrations";
import { startEmbeddedPostgres } from "@/lib/server/postgres/start-embedded-postgres";

export const TEMPLATE_DATABASE = "tributary_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateDatabase: string;
  }
}

/**
 * Starts one PostgreSQL for the whole run (embedded, unless TEST_DATABASE_ADMIN_URL names a server), migrates a template
 * database once, and hands its address to the test files, each of which clones the template into a database of its own.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_ADMIN_URL;
  const embedded = external
    ? null
    : await startEmbeddedPostgres({
        dataDir: path.join(os.tmpdir(), `tributary-test-pg-${process.pid}`),
        persistent: false,
      });
  const adminUrl = external ?? (embedded ? embedded.urlFor("postgres") : "");

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();

  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await applyMigrations(templateUrl.toString());

  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplateDatabase", TEMPLATE_DATABASE);

  return async () => {
    await embedded?.stop();
  };
}
