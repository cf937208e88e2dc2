import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { pgPool } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";

const MIGRATION = "prisma/migrations/20261207185214_store_target_key/migration.sql";

it("the store-target migration moves URL credentials out, scrubs old audit entries and turns off a second store on a target", async () => {
  const { production } = await createTestProject();
  const pool = pgPool();
  // This file's database is its own: put it back to just before the migration, with rows as older versions wrote them.
  await pool.query(
    "DROP INDEX store_integration_target_key_key; ALTER TABLE store_integration DROP COLUMN target_key",
  );
  const insert = (name: string, offsetMs: number, config: unknown, password: string | null) =>
    pool.query(
      `insert into store_integration (environment_id, integration_key, name, config, password, created_at)
       values ($1, 'redis', $2, $3, $4, now() + ($5 || ' ms')::interval)`,
      [production.id, name, JSON.stringify(config), password, String(offsetMs)],
    );
  await insert(
    "first",
    1,
    {
      url: "redis://al%40ice:p%C3%A4ss%3Aw@Redis.Example:6380/2?path=/x",
      host: "Redis.Example",
      port: 6380,
      tls: false,
      prefix: "p",
    },
    null,
  );
  await insert(
    "ipv6",
    2,
    { url: "rediss://:only@[::1]:6379", host: "[::1]", port: 6379, tls: true, prefix: "p" },
    null,
  );
  await insert(
    "second",
    3,
    { url: "redis://redis.example:6380/2", host: "redis.example", port: 6380, prefix: "p" },
    "x",
  );
  await pool.query(
    "insert into audit_entry (kind, name, description, target, current_version) values ('integration', 'n', 'd', 't', $1)",
    [JSON.stringify({ config: { url: "redis://u:audit-secret@h:1/0?password=query-secret&db=1" } })],
  );

  await pool.query(readFileSync(MIGRATION, "utf8"));

  const rows = await pool.query<{
    name: string;
    config: unknown;
    password: string | null;
    target_key: string | null;
    on: boolean;
  }>(`select name, config, password, target_key, "on" from store_integration order by created_at`);
  expect(rows.rows).toEqual([
    {
      name: "first",
      config: {
        url: "redis://Redis.Example:6380/2",
        host: "redis.example",
        port: 6380,
        tls: false,
        prefix: "p",
        username: "al@ice",
      },
      password: "päss:w",
      target_key: "redis.example|6380|2|p",
      on: true,
    },
    {
      name: "ipv6",
      config: { url: "rediss://[::1]:6379", host: "::1", port: 6379, tls: true, prefix: "p" },
      password: "only",
      target_key: "::1|6379|0|p",
      on: true,
    },
    expect.objectContaining({ name: "second", password: "x", target_key: null, on: false }),
  ]);
  const audit = JSON.stringify(
    (await pool.query("select current_version from audit_entry where kind = 'integration'")).rows,
  );
  expect(audit).not.toContain("audit-secret");
  expect(audit).not.toContain("query-secret");
});
