import "server-only";
import { env } from "@/lib/env";
import { describeErrorForLog } from "@/lib/server/errors/describe-error-for-log";

type Fields = Record<string, unknown>;

const SECRET_FIELD = /authorization|password|token(?!Id|Name|Ending)|secret|cookie/i;

function serialize(fields: Fields): string {
  return JSON.stringify(fields, (name, value: unknown) => {
    if (name && SECRET_FIELD.test(name)) return "[redacted]";
    if (value instanceof Error) return describeErrorForLog(value);
    return value;
  });
}

const quiet = () => env().TRIBUTARY_LOG_LEVEL === "error";

/**
 * One JSON line per event; fields whose names look secret are redacted, and request bodies are never logged. An error is
 * logged as `describeErrorForLog` describes it: never a failed statement's text or parameters.
 */
export const logger = {
  info(message: string, fields: Fields = {}): void {
    if (quiet()) return;
    process.stdout.write(
      `${serialize({ level: "info", time: new Date().toISOString(), message, ...fields })}\n`,
    );
  },
  error(message: string, fields: Fields = {}): void {
    process.stderr.write(
      `${serialize({ level: "error", time: new Date().toISOString(), message, ...fields })}\n`,
    );
  },
};
