import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env, requireDatabaseUrl } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

type Database = { pool: pg.Pool; prisma: PrismaClient };

const globalForDb = globalThis as unknown as { tributaryDb?: Database };

function connect(): Database {
  const pool = new pg.Pool({
    connectionString: requireDatabaseUrl(),
    max: env().DATABASE_POOL_SIZE,
    // Fail fast when the database is unreachable, so callers get a quick 503 instead of a hang.
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", () => undefined);
  // pg-pool listens for errors only on idle clients: a checked-out client whose connection dies between two queries (the
  // database restarting) would otherwise throw an uncaught exception. The failure still reaches the caller's next query.
  pool.on("connect", (client) => client.on("error", () => undefined));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

function database(): Database {
  globalForDb.tributaryDb ??= connect();
  return globalForDb.tributaryDb;
}

/** The one Prisma client (driver adapter over the shared pool). */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property): unknown => Reflect.get(database().prisma, property),
});

/** The raw pool, for set-based SQL on hot bulk paths (membership writes, COPY). */
export function pgPool(): pg.Pool {
  return database().pool;
}

export async function disconnectDatabase(): Promise<void> {
  const current = globalForDb.tributaryDb;
  if (!current) return;
  globalForDb.tributaryDb = undefined;
  await current.prisma.$disconnect();
  await current.pool.end().catch(() => undefined);
}
