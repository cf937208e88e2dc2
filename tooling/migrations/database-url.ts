export type PgConnectionFields = {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  ssl?: boolean | { rejectUnauthorized: boolean };
  /** Prisma's `?schema=` parameter; not a pg connection setting. */
  schema?: string;
  options?: string;
};

/**
 * Discrete fields rather than a connection string, because adapter-pg's shadow pool spreads its config and adds
 * `database`, which pg ignores when `connectionString` is present.
 */
export function parseDatabaseUrl(databaseUrl: string): PgConnectionFields {
  const url = new URL(databaseUrl);
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`Not a PostgreSQL URL (protocol ${url.protocol})`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!database) throw new Error("The database URL names no database");
  const params = url.searchParams;
  // A socket directory can be given as ?host=/var/run/postgresql, as libpq allows.
  const host = params.get("host") ?? (url.hostname.replace(/^\[(.*)\]$/, "$1") || "localhost");
  const fields: PgConnectionFields = {
    host,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || (params.get("user") ?? ""),
    password: decodeURIComponent(url.password) || (params.get("password") ?? ""),
    database,
  };
  // The same reading of sslmode as pg's own connection-string parser, so the app and its migrations connect alike.
  const sslmode = params.get("sslmode");
  if (sslmode === "no-verify") {
    fields.ssl = { rejectUnauthorized: false };
  } else if (
    sslmode === "require" ||
    sslmode === "prefer" ||
    sslmode === "verify-ca" ||
    sslmode === "verify-full" ||
    params.get("ssl") === "true" ||
    params.get("ssl") === "1"
  ) {
    fields.ssl = true;
  }
  const schema = params.get("schema");
  if (schema) {
    fields.schema = schema;
    // Migration scripts name tables without a schema, as Prisma writes them; the native engine sets search_path too.
    fields.options = `-c search_path=${quoteIdentifier(schema)}`;
  }
  return fields;
}

export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
