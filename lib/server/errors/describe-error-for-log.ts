import { sqlStateOf } from "@/lib/server/errors/sql-state-of";

/** Longest message kept in a log line. */
export const MAX_LOGGED_ERROR_MESSAGE_CHARS = 200;

/** Text between double or single quotes: where PostgreSQL and most libraries put the offending value. */
const QUOTED = /"[^"\n]*"|'[^'\n]*'/g;

function safeMessage(error: Error, sqlState: string | undefined): string {
  // Prisma's messages quote the whole call, arguments included (token hashes, keys), and PostgreSQL's quote the values
  // they refuse: for these the class and the codes say enough.
  if (error.name.startsWith("PrismaClient")) return "Prisma client error (message withheld)";
  if (sqlState !== undefined) return "database error (message withheld)";
  const firstLine = error.message.split("\n", 1)[0] ?? "";
  const redacted = firstLine.replace(QUOTED, "[redacted]");
  return redacted.length > MAX_LOGGED_ERROR_MESSAGE_CHARS
    ? `${redacted.slice(0, MAX_LOGGED_ERROR_MESSAGE_CHARS)}…`
    : redacted;
}

/** Only the `at …` lines: a stack's first line repeats the message. */
function stackFrames(error: Error): string | undefined {
  return error.stack
    ?.split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .join("\n");
}

/**
 * What the log may hold of an error: its class, its codes (the library's and PostgreSQL's SQLSTATE), the first line of its
 * message with quoted values redacted (no message at all for Prisma's and the database's errors), and its stack frames.
 * Never the statement, its parameters, a `detail`, or anything hanging off the error's other properties.
 */
export function describeErrorForLog(error: Error): Record<string, string | undefined> {
  const code: unknown = Reflect.get(error, "code");
  const sqlState = sqlStateOf(error);
  return {
    name: error.name,
    class: error.constructor.name,
    code: typeof code === "string" || typeof code === "number" ? String(code) : undefined,
    sqlState,
    message: safeMessage(error, sqlState),
    stack: stackFrames(error),
  };
}
