import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env, requireDatabaseUrl } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { tokenPrincipalCache } from "@/lib/server/access/tokens/token-principal-cache";

type Database = { pool: pg.Pool; counterPool: pg.Pool; prisma: PrismaClient };

const globalForDb = globalThis as unknown as { tributaryDb?: Database };

function connect(): Database {
  const common = {
    connectionString: requireDatabaseUrl(),
    // Fail fast when the database is unreachable, so callers get a quick 503 instead of a hang.
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
  };
  const pool = new pg.Pool({ ...common, max: env().DATABASE_POOL_SIZE });
  pool.on("error", () => undefined);
  // Commits here do not wait for the WAL flush: for counters whose last fraction of a second may be lost in a crash.
  const counterPool = new pg.Pool({ ...common, max: 4, options: "-c synchronous_commit=off" });
  counterPool.on("error", () => undefined);
  // pg-pool listens for errors only on idle clients: a checked-out client whose connection dies between two queries (the
  // database restarting) would otherwise throw an uncaught exception. The failure still reaches the caller's next query.
  for (const each of [pool, counterPool]) each.on("connect", (client) => client.on("error", () => undefined));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, counterPool, prisma };
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

/**
 * A small pool whose commits do not wait for the WAL flush, for the rate limiter's per-request counter: otherwise every
 * API request waits for a disk flush, and a token's concurrent requests queue behind each other's on the one counter row.
 * Never for data a caller has been told is saved.
 */
export function pgCounterPool(): pg.Pool {
  return database().counterPool;
}

export async function disconnectDatabase(): Promise<void> {
  await tokenPrincipalCache.stop();
  const current = globalForDb.tributaryDb;
  if (!current) return;
  globalForDb.tributaryDb = undefined;
  await current.prisma.$disconnect();
  await current.pool.end().catch(() => undefined);
  await current.counterPool.end().catch(() => undefined);
}
