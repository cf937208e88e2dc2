import { createRequire } from "node:module";
import type * as SegmentActionsCore from "@segment/actions-core";
import type {
  DestinationDefinition,
  RequestClient,
  RequestOptions,
  SegmentEvent,
} from "@segment/actions-core";
import type { Settings } from "@segment/action-destinations/dist/destinations/launchdarkly-audiences/generated-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tokensRoute from "@/app/api/v2/tokens/route";
import { prisma } from "@/lib/server/db";
import { createTestProject } from "@/tests/factories/projects";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { callRoute } from "@/tests/support/call-route";
import { membershipLookup } from "@/tests/support/membership-lookup";
import { startTestApiServer, type TestApiServer } from "@/tests/support/api-server";

/*
 * Twilio Segment's own `launchdarkly-audiences` destination (npm @segment/action-destinations, run unchanged) against
 * the app's route handlers over real HTTP on 127.0.0.1. The destination's hosts are constants (LaunchDarkly's), so the
 * request client it is handed sends each request to this server instead: same method, path, headers and body.
 */

// Both packages are CommonJS; loading them through require gives the destination and the test harness one copy of
// @segment/actions-core (its error classes are checked with instanceof).
const require = createRequire(import.meta.url);
const core = require("@segment/actions-core") as typeof SegmentActionsCore;
const launchDarklyAudiences = (
  require("@segment/action-destinations/dist/destinations/launchdarkly-audiences") as {
    default: DestinationDefinition<Settings>;
  }
).default;

const LAUNCHDARKLY_ORIGINS = ["https://app.launchdarkly.com", "https://clientsdk.launchdarkly.com"];

/** LaunchDarkly's URL on the test server; any other URL fails the test, so nothing here reaches the network. */
function onTestServer(url: string, origin: string): string {
  const launchDarkly = LAUNCHDARKLY_ORIGINS.find((candidate) => url.startsWith(`${candidate}/`));
  if (launchDarkly === undefined)
    throw new Error(`the destination called ${url}, which this test does not serve`);
  return `${origin}${url.slice(launchDarkly.length)}`;
}

/** The destination, unchanged, except that the request client handed to its functions sends to `origin`. */
function destinationServedBy(origin: string): DestinationDefinition<Settings> {
  const redirect =
    (request: RequestClient): RequestClient =>
    <Data = unknown>(url: string, options?: RequestOptions) =>
      request<Data>(onTestServer(url, origin), options);
  const authentication = launchDarklyAudiences.authentication;
  const testAuthentication = authentication?.testAuthentication;
  const actions = Object.fromEntries(
    Object.entries(launchDarklyAudiences.actions).map(([name, action]) => {
      const { perform, performBatch } = action;
      return [
        name,
        {
          ...action,
          perform: (request: RequestClient, data: Parameters<typeof perform>[1]): unknown =>
            perform(redirect(request), data),
          ...(performBatch && {
            performBatch: (request: RequestClient, data: Parameters<typeof performBatch>[1]) =>
              performBatch(redirect(request), data),
          }),
        },
      ];
    }),
  );
  return {
    ...launchDarklyAudiences,
    // actions-core keys its compiled JSON schemas by `{name}:...`, which the fast-uri that npm resolves for its ajv
    // (3.1.9) refuses as a URI scheme when the name has a space; the name is only that key and a label.
    name: launchDarklyAudiences.name.replaceAll(" ", "-"),
    actions,
    ...(authentication &&
      testAuthentication && {
        authentication: {
          ...authentication,
          testAuthentication: (request: RequestClient, input: Parameters<typeof testAuthentication>[1]) =>
            testAuthentication(redirect(request), input),
        },
      }),
  };
}

/** What Segment Engage sends when a user enters or exits an audience (a track event with the audience's key). */
function audienceEvent(
  userId: string,
  audience: { id: string; key: string },
  inAudience: boolean,
): SegmentEvent {
  return {
    type: "track",
    event: inAudience ? "Audience Entered" : "Audience Exited",
    userId,
    properties: { audience_key: audience.key, [audience.key]: inAudience },
    context: {
      personas: { computation_class: "audience", computation_id: audience.id, computation_key: audience.key },
    },
  };
}

let server: TestApiServer;

beforeAll(async () => {
  server = await startTestApiServer();
});

afterAll(async () => {
  await server.close();
});

/** A project, and a service token made as the destination's setup says: `createSegment` and `updateIncluded`. */
async function setup() {
  const { project, production } = await createTestProject();
  const admin = await createTestToken({ role: "admin" });
  const created = await callRoute(tokensRoute.POST, {
    path: "/api/v2/tokens",
    token: admin.value,
    body: {
      name: "Twilio Segment",
      serviceToken: true,
      inlineRole: [
        {
          effect: "allow",
          actions: ["createSegment", "updateIncluded"],
          resources: ["proj/*:env/*:segment/*"],
        },
      ],
    },
  });
  expect(created.status).toBe(201);
  const apiKey = (created.json as { token: string }).token;
  const reader = await createTestToken({ role: "reader" });
  const settings: Settings = { apiKey, clientId: production.clientSideId };
  return { project, production, settings, readerToken: reader.value };
}

describe("Twilio Segment's launchdarkly-audiences destination, run unchanged", () => {
  it("passes its connection test, and fails it for a bad token or an unknown client-side ID", async () => {
    const { settings } = await setup();
    const destination = core.createTestIntegration(destinationServedBy(server.origin));
    const before = server.received.length;
    await expect(destination.testAuthentication(settings)).resolves.toBeUndefined();
    const calls = server.received.slice(before).map(({ method, path }) => `${method} ${path}`);
    expect(calls.sort()).toEqual([`HEAD /sdk/goals/${settings.clientId}`, "GET /api/v2/versions"].sort());

    await expect(
      destination.testAuthentication({ ...settings, apiKey: `api-${"0".repeat(40)}` }),
    ).rejects.toThrow(/Credentials are invalid: 401/);
    await expect(
      destination.testAuthentication({ ...settings, clientId: "0123456789abcdef01234567" }),
    ).rejects.toThrow(/Credentials are invalid: 404/);
  });

  it("syncs an audience batch by batch, keeping a user who exits and re-enters within one batch", async () => {
    const { project, production, settings, readerToken } = await setup();
    const destination = core.createTestIntegration(destinationServedBy(server.origin));
    const audience = { id: unique("aud"), key: "power_users" };
    const sync = async (events: SegmentEvent[]) => {
      const before = server.received.length;
      await destination.testBatchAction("syncAudience", { events, settings, useDefaultMappings: true });
      return server.received.slice(before);
    };
    const segmentKey = `segment-audiences-${audience.id}`;
    const isMember = async (userId: string) => {
      const response = await membershipLookup(project.key, segmentKey, readerToken, userId)();
      expect(response.status).toBe(200);
      return (response.json as { included: boolean }).included;
    };

    const first = await sync([
      audienceEvent("alice", audience, true),
      audienceEvent("bob", audience, true),
      audienceEvent("carol", audience, true),
    ]);
    expect(first.map(({ method, path }) => `${method} ${path}`)).toEqual([
      "POST /api/v2/segment-targets/segment-audiences",
    ]);
    expect(first[0]?.headers.authorization).toBe(settings.apiKey);
    expect(await isMember("alice")).toBe(true);
    const segment = await prisma.segment.findUniqueOrThrow({
      where: { environmentId_key: { environmentId: production.id, key: segmentKey } },
    });
    expect(segment).toMatchObject({ name: "Power users", external: "segment-audiences", includedCount: 3 });

    // In event order: bob leaves; carol (a member) leaves and comes back; erin (not one) joins, leaves and joins again;
    // dave joins and leaves. Segment sends nothing more for any of them until their state changes again.
    const second = await sync([
      audienceEvent("bob", audience, false),
      audienceEvent("carol", audience, false),
      audienceEvent("erin", audience, true),
      audienceEvent("carol", audience, true),
      audienceEvent("dave", audience, true),
      audienceEvent("erin", audience, false),
      audienceEvent("dave", audience, false),
      audienceEvent("erin", audience, true),
    ]);
    expect(second).toHaveLength(1);
    expect(JSON.parse(second[0]?.body ?? "null")).toEqual({
      environmentId: production.clientSideId,
      contextKind: "user",
      batch: [
        ["bob", false],
        ["carol", false],
        ["erin", true],
        ["carol", true],
        ["dave", true],
        ["erin", false],
        ["dave", false],
        ["erin", true],
      ].map(([userId, value]) => ({ userId, cohortName: "Power users", cohortId: audience.id, value })),
    });
    expect(
      Object.fromEntries(
        await Promise.all(
          ["alice", "bob", "carol", "dave", "erin"].map(async (userId) => [userId, await isMember(userId)]),
        ),
      ),
    ).toEqual({ alice: true, bob: false, carol: true, dave: false, erin: true });
    const run = await prisma.syncRun.findFirstOrThrow({
      where: { environmentId: production.id, source: "segment-audiences" },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    });
    // erin added; bob removed; carol (already in) and dave (never in) unchanged.
    expect(run).toMatchObject({ received: 8, added: 1, removed: 1, unchanged: 2 });
  });

  it("sends one event at a time when batching is off", async () => {
    const { project, settings, readerToken } = await setup();
    const destination = core.createTestIntegration(destinationServedBy(server.origin));
    const audience = { id: unique("aud"), key: "trial_users" };
    const before = server.received.length;
    for (const [userId, inAudience] of [
      ["frank", true],
      ["grace", true],
      ["frank", false],
    ] as const) {
      await destination.testAction("syncAudience", {
        event: audienceEvent(userId, audience, inAudience),
        settings,
        mapping: { enable_batching: false },
        useDefaultMappings: true,
      });
    }
    expect(server.received.slice(before).map(({ method, path }) => `${method} ${path}`)).toEqual(
      Array.from({ length: 3 }, () => "POST /api/v2/segment-targets/segment-audiences"),
    );
    const lookup = (userId: string) =>
      membershipLookup(project.key, `segment-audiences-${audience.id}`, readerToken, userId)();
    expect(((await lookup("frank")).json as { included: boolean }).included).toBe(false);
    expect(((await lookup("grace")).json as { included: boolean }).included).toBe(true);
  });
});
