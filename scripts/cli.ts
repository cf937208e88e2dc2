/*
 * Tributary's command line, for what has to work before anyone can sign in (e.g. a first token for automation).
 *
 *   npm run -s cli -- tokens create --name NAME (--role reader|writer|admin | --policy-file FILE) [--description TEXT]
 *
 * Creates a service token owned by the owner, audited like any creation (actor "cli"), and prints only its value on
 * stdout, so `TOKEN=$(npm run -s cli -- tokens create --name ci --role writer)` works. Errors go to stderr with exit 1.
 * It talks to PostgreSQL directly through DATABASE_URL.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { ZodError } from "zod";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { env, setEnv } from "@/lib/env";
import { policySchema, type Policy } from "@/lib/schemas/policy";
import { tokenCreateSchema, tokenRoleSchema } from "@/lib/schemas/token";

const USAGE = `Usage: npm run -s cli -- tokens create --name NAME (--role reader|writer|admin | --policy-file FILE) [--description TEXT]

  --name NAME          the token's name
  --role ROLE          a built-in role: reader, writer or admin
  --policy-file FILE   a JSON file with policy statements, e.g.
                       [{"effect":"allow","actions":["createSegment","updateIncluded"],"resources":["proj/*:env/*:segment/*"]}]
  --description TEXT   optional

Creates a service token owned by the owner and prints only its value. Needs DATABASE_URL (the database the app uses).`;

class UsageError extends Error {}

function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
}

async function readPolicy(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `Cannot read the policy file ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`The policy file ${file} is not valid JSON`);
  }
  const policy = policySchema.safeParse(parsed);
  if (!policy.success)
    throw new UsageError(`The policy file ${file} is not a valid policy: ${describeZodError(policy.error)}`);
  if (policy.data.length === 0) throw new UsageError(`The policy file ${file} has no statements`);
  return policy.data;
}

async function createTokenCommand(args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: "string" },
      role: { type: "string" },
      "policy-file": { type: "string" },
      description: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.name === undefined) throw new UsageError("--name is required");
  if ((values.role === undefined) === (values["policy-file"] === undefined)) {
    throw new UsageError("give exactly one of --role and --policy-file");
  }
  const role = values.role === undefined ? undefined : tokenRoleSchema.safeParse(values.role);
  if (role !== undefined && !role.success)
    throw new UsageError(`--role ${role.error.issues[0]?.message ?? "is invalid"}`);
  const inlineRole =
    values["policy-file"] === undefined ? undefined : await readPolicy(values["policy-file"]);
  const input = tokenCreateSchema.safeParse({
    name: values.name,
    description: values.description,
    role: role?.data,
    inlineRole,
    serviceToken: true,
  });
  if (!input.success) throw new UsageError(describeZodError(input.error));

  // While `npm start` runs the embedded PostgreSQL it leaves that database's URL in the data directory.
  const runningUrlFile = path.join(env().TRIBUTARY_DATA_DIR, "database-url");
  if (!env().DATABASE_URL && existsSync(runningUrlFile)) {
    setEnv("DATABASE_URL", readFileSync(runningUrlFile, "utf8").trim());
  }
  if (!env().DATABASE_URL) {
    throw new UsageError(
      "DATABASE_URL is not set and no app is running from this directory. The CLI writes to the app's PostgreSQL " +
        "directly: start the app (npm start) or set DATABASE_URL to its database.",
    );
  }
  const { createToken } = await import("@/lib/server/tokens/create-token");
  const token = await createToken("cli", input.data);
  return token.token;
}

async function main(args: string[]): Promise<number> {
  const [group, command, ...rest] = args;
  if (group === "help" || group === "--help" || group === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (group !== "tokens" || command !== "create") {
    throw new UsageError(
      `${group === undefined ? "No command given" : `Unknown command "${args.join(" ")}"`}\n\n${USAGE}`,
    );
  }
  const value = await createTokenCommand(rest);
  process.stdout.write(`${value}\n`);
  return 0;
}

let exitCode: number;
try {
  exitCode = await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`tributary: ${message}\n`);
  exitCode = 1;
} finally {
  const { disconnectDatabase } = await import("@/lib/server/db");
  await disconnectDatabase().catch(() => undefined);
}
process.exit(exitCode);
