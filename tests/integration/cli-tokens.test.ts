import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { resolveTokenPrincipal } from "@/lib/server/access/tokens/resolve-token-principal";
import { createTestMember } from "@/tests/factories/members";
import { unique } from "@/tests/factories/unique";

const MIN_SYNC_POLICY: Policy = [
  { effect: "allow", actions: ["createSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

type Run = { code: number; stdout: string; stderr: string };

/** Runs the CLI the way `npm run cli` does, against this test file's database unless `env` says otherwise. */
function cli(args: string[], env: NodeJS.ProcessEnv = { ...process.env }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        "--experimental-wasm-modules",
        "--conditions=react-server",
        "--import",
        "tsx",
        "scripts/cli.ts",
        ...args,
      ],
      { cwd: process.cwd(), env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let ownerId: string;

beforeAll(async () => {
  ownerId = (await createTestMember({ role: "owner" })).member.id;
});

describe("scripts/cli.ts tokens create", () => {
  it("creates a service token owned by the owner, printing only its value, audited without it", async () => {
    const name = unique("cli-token");
    const run = await cli([
      "tokens",
      "create",
      "--name",
      name,
      "--role",
      "writer",
      "--description",
      "from CI",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^api-[A-Za-z0-9_-]{32,}\n$/);
    const value = run.stdout.trim();

    const principal = await resolveTokenPrincipal(value);
    expect(principal).toMatchObject({
      member: { id: ownerId },
      token: { name, serviceToken: true },
      boundedBy: null,
    });
    expect(principal?.roles.map((role) => role.name)).toEqual(["writer"]);
    const stored = await prisma.accessToken.findFirstOrThrow({ where: { name } });
    expect(stored).toMatchObject({
      description: "from CI",
      role: "writer",
      serviceToken: true,
      memberId: ownerId,
    });

    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { target: `service-token/${stored.id}` },
    });
    expect(audit).toMatchObject({ kind: "token", memberEmail: "cli", memberId: null, tokenId: null });
    expect(audit.accesses).toEqual([{ action: "createAccessToken", resource: `service-token/${stored.id}` }]);
    expect(JSON.stringify(await prisma.auditEntry.findMany())).not.toContain(value);
  });

  it("takes an inline policy from a file", async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), "tributary-cli-"));
    const file = path.join(directory, "policy.json");
    await writeFile(file, JSON.stringify(MIN_SYNC_POLICY));
    const run = await cli(["tokens", "create", "--name", unique("cli-sync"), "--policy-file", file]);
    expect(run.code).toBe(0);
    const principal = await resolveTokenPrincipal(run.stdout.trim());
    expect(principal?.roles).toEqual([{ name: "inline policy", policy: MIN_SYNC_POLICY }]);
  });

  it.each([
    ["no name", ["tokens", "create", "--role", "writer"], "--name"],
    [
      "both a role and a policy file",
      ["tokens", "create", "--name", "x", "--role", "reader", "--policy-file", "p.json"],
      "exactly one",
    ],
    ["an unknown role", ["tokens", "create", "--name", "x", "--role", "owner"], "--role"],
    [
      "a missing policy file",
      ["tokens", "create", "--name", "x", "--policy-file", "/nonexistent/policy.json"],
      "policy file",
    ],
    ["an unknown command", ["tokens", "delete"], "Unknown command"],
  ])("fails on %s with exit 1, a message on stderr and nothing on stdout", async (_case, args, message) => {
    const before = await prisma.accessToken.count();
    const run = await cli(args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
    expect(await prisma.accessToken.count()).toBe(before);
  });

  it("says clearly when DATABASE_URL is not set", async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const run = await cli(["tokens", "create", "--name", "x", "--role", "reader"], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("DATABASE_URL is not set");
  });
});
