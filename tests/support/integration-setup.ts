import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

// Each integration test file gets a database of its own, cloned from the migrated template before any module reads the env.
const adminUrl = inject("pgAdminUrl");
const template = inject("pgTemplateDatabase");
const database = `tributary_test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${database} template ${template}`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
process.env.TRIBUTARY_LOG_LEVEL ??= "error";
process.env.TEST_DATABASE_NAME = database;

afterAll(async () => {
  const { disconnectDatabase } = await import("@/lib/server/db");
  await disconnectDatabase();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${database} with (force)`);
  await cleanup.end();
});
