import { readdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser } from "@playwright/test";
import type { Policy } from "@/lib/schemas/policy";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { createTestProject } from "@/tests/factories/projects";
import { createTestSegment } from "@/tests/factories/segments";
import { unique } from "@/tests/factories/unique";
import { expect, signIn, test } from "../fixtures";
import { rememberSecret } from "../secrets";

/**
 * The authorization matrix of the dashboard's server pages: for every page on disk and every kind of member, the HTML
 * the server sends (prefetched query data included) holds nothing the API refuses that member. What the API refuses is
 * asked of the API itself, with the same session, so the two cannot drift apart.
 */

const DASHBOARD_DIR = path.resolve("app/(dashboard)");

/** `app/(dashboard)/projects/[projectKey]/page.tsx` → `/projects/{projectKey}`; route groups do not show in URLs. */
function discoverPages(): string[] {
  return readdirSync(DASHBOARD_DIR, { recursive: true, encoding: "utf8" })
    .filter((name) => path.basename(name) === "page.tsx")
    .map((name) => {
      const segments = path
        .dirname(name)
        .split(path.sep)
        .filter((part) => part !== "." && !/^\(.*\)$/.test(part))
        .map((part) => part.replace(/^\[([^\].]+)\]$/, "{$1}"));
      return `/${segments.join("/")}`;
    })
    .sort();
}

/** Every dashboard page, by the parameters its path takes; a new page fails the first test until it is listed here. */
const PAGES: readonly string[] = [
  "/",
  "/docs/api",
  "/projects",
  "/projects/{projectKey}",
  "/settings/account",
  "/settings/audit",
  "/settings/members",
  "/settings/roles",
  "/settings/tokens",
  "/{projectKey}/{environmentKey}/activity",
  "/{projectKey}/{environmentKey}/alerts",
  "/{projectKey}/{environmentKey}/segments",
  "/{projectKey}/{environmentKey}/segments/{segmentKey}",
  "/{projectKey}/{environmentKey}/segments/{segmentKey}/history",
  "/{projectKey}/{environmentKey}/segments/{segmentKey}/members",
  "/{projectKey}/{environmentKey}/segments/{segmentKey}/settings",
  "/{projectKey}/{environmentKey}/segments/{segmentKey}/sync",
  "/{projectKey}/{environmentKey}/stores",
];

const PRINCIPALS = ["owner", "admin", "writer", "reader", "no_access", "oneEnvironment"] as const;
type PrincipalId = (typeof PRINCIPALS)[number];

type Location = { projectKey: string; environmentKey: string; segmentKey: string };

/** A string that only this resource's data contains, and the API read that shows it. */
type Secret = { value: string; probe: string; what: string };

type World = { locations: Location[]; secrets: Secret[] };

/** Names made of `[a-z0-9-]` survive every escaping the HTML and its React payload apply. */
const mark = (what: string) => unique(`pm-${what}`);

async function seedSegment(
  environment: { id: string; key: string; projectId: string },
  projectKey: string,
  what: string,
): Promise<{ key: string; secrets: Secret[] }> {
  const name = mark(`${what}-name`);
  const tag = mark(`${what}-tag`);
  const description = mark(`${what}-description`);
  const segment = await createTestSegment(environment, {
    key: mark(what),
    name,
    tags: [tag],
    members: ["ctx-1"],
  });
  await prisma.segment.update({ where: { id: segment.id }, data: { description } });
  const probe = `/api/v2/segments/${projectKey}/${environment.key}/${segment.key}`;
  return {
    key: segment.key,
    secrets: [name, tag, description].map((value) => ({ value, probe, what: `${what} segment` })),
  };
}

async function seedProject(what: string) {
  const created = await createTestProject({ key: mark(what), tags: [mark(`${what}-tag`)] });
  const name = mark(`${what}-project-name`);
  await prisma.project.update({ where: { id: created.project.id }, data: { name } });
  const test = created.environments.find((environment) => environment.key === "test");
  if (!test) throw new Error("the project factory makes a test environment");
  const environmentSecret = (environment: { key: string; clientSideId: string }): Secret => ({
    value: environment.clientSideId,
    probe: `/api/v2/projects/${created.project.key}/environments/${environment.key}`,
    what: `${what}/${environment.key} client-side ID`,
  });
  return {
    key: created.project.key,
    production: created.production,
    test,
    secrets: [
      { value: name, probe: `/api/v2/projects/${created.project.key}`, what: `${what} project name` },
      // Pages whose URL holds the key are not checked for it (see `leaked`); the others, the audit log among them, are.
      {
        value: created.project.key,
        probe: `/api/v2/projects/${created.project.key}`,
        what: `${what} project key`,
      },
      environmentSecret(created.production),
      environmentSecret(test),
    ],
  };
}

/**
 * Project A, whose production environment the limited member may use, and project B, which it may not. Each location is
 * visited by every page: the member's own segment, a segment of A's hidden test environment, and a segment of B.
 */
async function seedWorld(): Promise<World> {
  const a = await seedProject("a");
  const b = await seedProject("b");
  const visible = await seedSegment(a.production, a.key, "visible");
  const hiddenEnvironment = await seedSegment(a.test, a.key, "hidden-env");
  // Never in a URL: only a list of A's test environment could show its key.
  const listedOnly = await seedSegment(a.test, a.key, "listed-only");
  // A refused push in A's test environment: its member ids show only where that environment's sync runs do.
  const refusedMember = mark("refused-member");
  await prisma.rejectedPush.create({
    data: {
      environmentId: a.test.id,
      integrationKey: "amplitude",
      status: 400,
      reasonCode: "invalid_request",
      message: "A refused push seeded by the page matrix",
      memberSample: [refusedMember],
    },
  });
  const otherProject = await seedSegment(b.production, b.key, "other-project");
  return {
    locations: [
      { projectKey: a.key, environmentKey: "production", segmentKey: visible.key },
      { projectKey: a.key, environmentKey: "test", segmentKey: hiddenEnvironment.key },
      { projectKey: b.key, environmentKey: "production", segmentKey: otherProject.key },
    ],
    secrets: [
      ...a.secrets,
      ...b.secrets,
      ...visible.secrets,
      ...hiddenEnvironment.secrets,
      ...listedOnly.secrets,
      {
        value: listedOnly.key,
        probe: `/api/v2/segments/${a.key}/test/${listedOnly.key}`,
        what: "listed-only key",
      },
      {
        value: refusedMember,
        probe: `/api/v2/rejected-pushes?projectKey=${a.key}&environmentKey=test`,
        what: "rejected push in A's test environment",
      },
      ...otherProject.secrets,
    ],
  };
}

function oneEnvironmentPolicy(projectKey: string): Policy {
  const environment = `proj/${projectKey}:env/production`;
  return [
    {
      effect: "allow",
      actions: ["*"],
      resources: [`proj/${projectKey}`, environment, `${environment}:segment/*`],
    },
    // The audit log too, so that its page shows this member what it may see of the log and nothing else.
    { effect: "allow", actions: ["viewAuditLog"], resources: ["acct"] },
  ];
}

async function createMember(role: string, customPolicy?: Policy) {
  const { member, password } = await createTestMember({ role });
  if (customPolicy !== undefined) {
    const customRole = await prisma.customRole.create({
      data: { key: unique("pages-role"), name: "One environment", policy: customPolicy },
    });
    await prisma.memberCustomRole.create({ data: { memberId: member.id, customRoleId: customRole.id } });
  }
  return { email: member.email, password };
}

async function sessionRequest(browser: Browser, email: string, password: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  for (const cookie of await context.cookies()) rememberSecret(cookie.value);
  await page.close();
  return context.request;
}

function urlsOf(pattern: string, locations: readonly Location[]): string[] {
  const urls = locations.map((location) =>
    pattern.replace(/\{(projectKey|environmentKey|segmentKey)\}/g, (_, name: keyof Location) =>
      encodeURIComponent(location[name]),
    ),
  );
  return [...new Set(urls)];
}

test("the page matrix lists every dashboard page on disk", () => {
  expect(discoverPages()).toEqual([...PAGES].sort());
});

test("no dashboard page shows a member what the API refuses it", async ({ browser }) => {
  test.setTimeout(300_000);
  const world = await seedWorld();
  const [project] = world.locations;
  if (!project) throw new Error("no location");
  const members: Record<PrincipalId, { email: string; password: string }> = {
    owner: await createMember("owner"),
    admin: await createMember("admin"),
    writer: await createMember("writer"),
    reader: await createMember("reader"),
    no_access: await createMember("no_access"),
    oneEnvironment: await createMember("no_access", oneEnvironmentPolicy(project.projectKey)),
  };
  const urls = PAGES.flatMap((pattern) => urlsOf(pattern, world.locations));
  const shownToSomeone = new Set<string>();

  for (const principal of PRINCIPALS) {
    const { email, password } = members[principal];
    const request = await sessionRequest(browser, email, password);
    const refused: Secret[] = [];
    for (const secret of world.secrets) {
      const answer = await request.get(secret.probe);
      if (answer.status() !== 200) refused.push(secret);
    }
    if (principal === "oneEnvironment") {
      // The matrix must exercise a limited member: it may read its own environment and nothing else seeded here.
      expect(refused.map((secret) => secret.what)).not.toContain("visible segment");
      expect(refused.length).toBeGreaterThan(0);
    }
    if (principal === "no_access") expect(refused).toHaveLength(world.secrets.length);

    for (const url of urls) {
      const response = await request.get(url);
      expect(response.status(), `${principal} ${url}`).toBeLessThan(500);
      const html = await response.text();
      for (const secret of world.secrets) {
        if (html.includes(secret.value)) shownToSomeone.add(secret.value);
      }
      const leaked = refused.filter((secret) => !url.includes(secret.value) && html.includes(secret.value));
      expect(
        leaked.map((secret) => secret.what),
        `${principal} ${url} shows what the API refuses it`,
      ).toEqual([]);
    }
  }
  // Every secret is on some page for a member who may read it, so its absence elsewhere is a finding, not an accident.
  expect(
    world.secrets.filter((secret) => !shownToSomeone.has(secret.value)).map((secret) => secret.what),
  ).toEqual([]);
});
