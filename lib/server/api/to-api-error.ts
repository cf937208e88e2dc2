import { ZodError } from "zod";
import { ApiError } from "@/lib/server/api/errors";
import { sqlStateOf } from "@/lib/server/errors/sql-state-of";

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "P1001", // Prisma: can't reach database server
  "P1017", // Prisma: server closed the connection
]);
const UNREACHABLE_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
  "the database system is shutting down",
  "the database system is starting up",
  "DatabaseNotReachable",
  "Can't reach database server",
  "Connection refused",
];

function* causeChain(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    yield current;
    current = typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
}

function stringProperty(value: unknown, name: string): string | undefined {
  if (typeof value !== "object" || value === null || !(name in value)) return undefined;
  const property: unknown = Reflect.get(value, name);
  return typeof property === "string" ? property : undefined;
}

export function isDatabaseUnreachable(error: unknown): boolean {
  for (const link of causeChain(error)) {
    const code = stringProperty(link, "code");
    if (code && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) return true;
    // Any failed connect: over a Unix socket a stopped server is ENOENT (its socket file is gone), not ECONNREFUSED.
    if (stringProperty(link, "syscall") === "connect") return true;
    const kind = stringProperty(link, "kind");
    if (kind && UNREACHABLE_MESSAGES.includes(kind)) return true;
    const message = stringProperty(link, "message") ?? "";
    if (UNREACHABLE_MESSAGES.some((text) => message.includes(text))) return true;
  }
  return false;
}

function describeZodError(error: ZodError): string {
  const problems = error.issues.slice(0, 10).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
    return `${where}: ${issue.message}`;
  });
  return `Invalid request: ${problems.join("; ")}`;
}

/** The one place that maps any thrown value to an ApiError; anything unexpected becomes an opaque 500. */
export function toApiError(error: unknown): { apiError: ApiError; unexpected: boolean } {
  if (error instanceof ApiError) return { apiError: error, unexpected: false };
  if (error instanceof ZodError)
    return { apiError: new ApiError("invalid_request", describeZodError(error)), unexpected: false };
  if (isDatabaseUnreachable(error)) {
    return {
      apiError: new ApiError(
        "service_unavailable",
        "The database is unreachable; nothing was written. Retry later.",
        {
          "Retry-After": "5",
        },
      ),
      unexpected: false,
    };
  }
  const code = stringProperty(error, "code");
  if (code === "P2002")
    return {
      apiError: new ApiError("conflict", "A resource with this key already exists"),
      unexpected: false,
    };
  if (code === "P2025") return { apiError: new ApiError("not_found", "Not found"), unexpected: false };
  // SQLSTATE class 22, data exception: a value the database cannot take (NUL in text, a number or date out of range).
  // Routes validate their input first; this is the net under that, still logged as a gap in the validation.
  if (sqlStateOf(error)?.startsWith("22")) {
    return {
      apiError: new ApiError(
        "invalid_request",
        "A value in the request is out of range or is not valid text (for example, it contains a NUL character)",
      ),
      unexpected: true,
    };
  }
  return {
    apiError: new ApiError("internal_server_error", "An unexpected error occurred"),
    unexpected: true,
  };
}
