import { z } from "zod";
import { normalizeRedisHost } from "@/lib/schemas/store-integration-target";
import { checkSignInEnv, signInEnvFields } from "@/lib/env-sign-in";

const MiB = 1024 * 1024;

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection URL. Unset: `npm start` runs an embedded PostgreSQL and sets it. */
  DATABASE_URL: z.url().optional(),
  /** Size of the app's PostgreSQL connection pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  TRIBUTARY_ADMIN_EMAIL: z.email().optional(),
  TRIBUTARY_ADMIN_PASSWORD: z.string().min(8).optional(),
  ...signInEnvFields,
  TRIBUTARY_RATE_LIMIT_PER_10S: z.coerce.number().int().min(1).default(3000),
  /** Sign-in attempts per minute, all clients together. */
  TRIBUTARY_SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Sign-in attempts per minute from one client address. */
  TRIBUTARY_SIGN_IN_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Reverse proxies in front of the app that append to X-Forwarded-For; 0: the client is the TCP peer. */
  TRIBUTARY_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  TRIBUTARY_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * MiB),
  /** A synced segment whose last sync is older than this is shown as stale. */
  TRIBUTARY_STALE_AFTER_HOURS: z.coerce.number().min(0).default(24),
  /** The longest a token's old value may keep working after a reset (`expiry`); a later expiry is refused. */
  TRIBUTARY_TOKEN_MAX_GRACE_HOURS: z.coerce.number().min(0).max(87_600).default(168),
  /** Port of the dashboard and API. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where `npm start` keeps the embedded PostgreSQL's data and the generated session secret. */
  TRIBUTARY_DATA_DIR: z.string().default(".data"),
  /** Port of the embedded PostgreSQL; unset picks a free one. */
  TRIBUTARY_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Runs the persistent-store worker: `npm start` as a process of its own, a bare Next.js server in-process (false: neither). */
  TRIBUTARY_STORE_WORKER: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** Comma-separated host names/IPs Redis stores may use; unset or empty: any host. Others are refused and never contacted. */
  TRIBUTARY_STORE_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((value, context) => {
      const entries = (value ?? "")
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== "");
      if (entries.length === 0) return null;
      const hosts: string[] = [];
      for (const entry of entries) {
        const host = normalizeRedisHost(entry);
        if (host === null)
          context.addIssue({ code: "custom", message: `"${entry}" is not a host name or IP address` });
        else hosts.push(host);
      }
      return hosts;
    }),
  /** Comma-separated hosts alert destinations may reach even on a loopback, private or link-local address; unset: none. */
  TRIBUTARY_ALERT_ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((entry) =>
          entry
            .trim()
            .replace(/^\[|\]$/g, "")
            .toLowerCase(),
        )
        .filter((entry) => entry !== ""),
    ),
  /** "error" silences the per-request log lines (benchmarks). */
  TRIBUTARY_LOG_LEVEL: z.enum(["info", "error"]).default("info"),
  /** Mail server for invite and reset links, `smtp[s]://[user:password@]host[:port]`; unset: links are only shown. */
  TRIBUTARY_SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  /** The sender of those emails. */
  TRIBUTARY_MAIL_FROM: z.string().min(3).default("Tributary <tributary@localhost>"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment: the only place that reads process.env. Parsed on first use so `next build` needs none of it. */
export function env(): Env {
  if (!cached) {
    const parsed = envSchema.superRefine(checkSignInEnv).safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
        .join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set (npm start sets it when it runs the embedded PostgreSQL)");
  return url;
}

/** For scripts that set a variable themselves (npm start sets DATABASE_URL after starting PostgreSQL). */
export function setEnv(name: Exclude<keyof Env, "NODE_ENV">, value: string): void {
  process.env[name] = value;
  cached = undefined;
}
