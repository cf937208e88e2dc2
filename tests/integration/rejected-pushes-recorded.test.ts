import { describe, expect, it } from "vitest";
import * as contextsRoute from "@/app/api/v2/segments/[projectKey]/[environmentKey]/[segmentKey]/contexts/route";
import * as segmentTargetsRoute from "@/app/api/v2/segment-targets/[integrationKey]/route";
import { setEnv } from "@/lib/env";
import { prisma } from "@/lib/server/db";
import { rejectedPushQueue } from "@/lib/server/rejected-pushes/rejected-push-queue";
import { createTestTenant } from "@/tests/factories/tenants";
import { createTestToken } from "@/tests/factories/tokens";
import { callRoute } from "@/tests/support/call-route";
import { expectError } from "@/tests/support/expect-error";
import { amplitude, push } from "@/tests/support/partner-pushes";

// Read when the limiter is first used: the third push of one token in 10 s is refused.
process.env.TRIBUTARY_RATE_LIMIT_PER_10S = "2";

type Row = Awaited<ReturnType<typeof prisma.rejectedPush.findFirstOrThrow>>;

/** The rows written since `before` (ids), once every queued refusal is written. */
async function newRows(before: Set<string>): Promise<Row[]> {
  await rejectedPushQueue.flush();
  const rows = await prisma.rejectedPush.findMany({ orderBy: { firstAt: "asc" } });
  return rows.filter((row) => !before.has(row.id));
}

async function currentIds(): Promise<Set<string>> {
  await rejectedPushQueue.flush();
  return new Set((await prisma.rejectedPush.findMany({ select: { id: true } })).map((row) => row.id));
}

/** One refused request: exactly one new row, which names no secret. */
async function refusedOnce(send: () => Promise<{ status: number; json: unknown }>, secrets: string[]) {
  const before = await currentIds();
  const response = await send();
  const rows = await newRows(before);
  expect(rows).toHaveLength(1);
  const [row] = rows as [Row];
  const text = JSON.stringify(row);
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text.toLowerCase()).not.toContain("authorization");
  expect(row).toMatchObject({ count: 1, bucketKey: null, status: response.status });
  return { response, row };
}

function contexts(projectKey: string, token: string, body: unknown = { included: { add: ["a"] } }) {
  return callRoute(contextsRoute.POST, {
    path: `/api/v2/segments/${projectKey}/production/beta/contexts`,
    params: { projectKey, environmentKey: "production", segmentKey: "beta" },
    token,
    body,
  });
}

describe("refused partner and membership requests are recorded", () => {
  it("401: a bad token on the partner path is recorded without environment or token; on a membership path with its environment", async () => {
    const { production, project } = await createTestTenant();
    const badToken = "api-00000000-0000-4000-8000-000000000000";
    const partner = await refusedOnce(
      () => push("amplitude", badToken, amplitude(production.clientSideId, [{ userId: "a", value: true }])),
      [badToken],
    );
    expectError(partner.response, 401, "unauthorized");
    // The body of an unauthenticated request is never read, so its client-side ID is unknown.
    expect(partner.row).toMatchObject({
      environmentId: null,
      integrationKey: "amplitude",
      reasonCode: "unauthorized",
      message: "Invalid access token",
      tokenId: null,
      tokenName: null,
      tokenEnding: null,
      clientSideId: null,
      memberSample: [],
    });
    const membership = await refusedOnce(() => contexts(project.key, badToken), [badToken]);
    expectError(membership.response, 401, "unauthorized");
    expect(membership.row).toMatchObject({ environmentId: production.id, integrationKey: "contexts" });
  });

  it("400: a body that is not JSON has no environment; a body without a cohort id has its client-side ID's", async () => {
    const { production, token } = await createTestTenant();
    const notJson = await refusedOnce(
      () =>
        callRoute(segmentTargetsRoute.POST, {
          path: "/api/v2/segment-targets/amplitude",
          params: { integrationKey: "amplitude" },
          token,
          rawBody: "{nope",
          headers: { "content-type": "application/json" },
        }),
      [token],
    );
    expectError(notJson.response, 400, "invalid_request");
    const tokenRow = await prisma.accessToken.findFirstOrThrow({ where: { ending: token.slice(-4) } });
    expect(notJson.row).toMatchObject({
      environmentId: null,
      reasonCode: "invalid_request",
      tokenId: tokenRow.id,
      tokenName: tokenRow.name,
      tokenEnding: token.slice(-4),
      clientSideId: null,
    });

    const noCohort = await refusedOnce(
      () =>
        push("amplitude", token, {
          environmentId: production.clientSideId,
          batch: [
            { userId: "first", value: true },
            { userId: "x".repeat(100), value: true },
            { userId: 3 },
            {},
          ],
        }),
      [token],
    );
    expectError(noCohort.response, 400, "invalid_request");
    expect(noCohort.row).toMatchObject({
      environmentId: production.id,
      clientSideId: production.clientSideId,
      memberSample: ["first", "x".repeat(64), "3"],
    });
  });

  it("403: a token that may not write segments, with its name and last four and a sample of the members", async () => {
    const { production } = await createTestTenant();
    const { value, token } = await createTestToken({ role: "reader" });
    const { row, response } = await refusedOnce(
      () => push("amplitude", value, amplitude(production.clientSideId, [{ userId: "m1", value: true }])),
      [value],
    );
    expectError(response, 403, "forbidden");
    expect(row).toMatchObject({
      environmentId: production.id,
      integrationKey: "amplitude",
      tokenId: token.id,
      tokenName: token.name,
      tokenEnding: token.ending,
      clientSideId: production.clientSideId,
      memberSample: ["m1"],
    });
  });

  it("404: an unknown environment and an unknown integration are recorded without an environment", async () => {
    const { token } = await createTestTenant();
    const unknownEnvironment = await refusedOnce(
      () => push("amplitude", token, amplitude("0123456789abcdef01234567", [{ userId: "a", value: true }])),
      [token],
    );
    expectError(unknownEnvironment.response, 404, "not_found");
    expect(unknownEnvironment.row).toMatchObject({
      environmentId: null,
      clientSideId: "0123456789abcdef01234567",
    });
    const attackerChosen = `no-such-tool-${"z".repeat(200)}`;
    const unknownIntegration = await refusedOnce(() => push(attackerChosen, token, {}), [token]);
    expectError(unknownIntegration.response, 404, "not_found");
    expect(unknownIntegration.row).toMatchObject({ environmentId: null, integrationKey: "(unknown)" });
  });

  it("404: text PostgreSQL cannot store (NUL, half a surrogate pair) is recorded with U+FFFD in its place", async () => {
    const { token } = await createTestTenant();
    const unstorable = "bad\\u0000id\\ud800";
    const { row, response } = await refusedOnce(
      () =>
        callRoute(segmentTargetsRoute.POST, {
          path: "/api/v2/segment-targets/amplitude",
          params: { integrationKey: "amplitude" },
          token,
          rawBody: `{"environmentId":"${unstorable}","batch":[{"userId":"${unstorable}","value":true,"cohortId":"c"}]}`,
          headers: { "content-type": "application/json" },
        }),
      [token],
    );
    expectError(response, 404, "not_found");
    expect(row).toMatchObject({ clientSideId: "bad\uFFFDid\uFFFD", memberSample: ["bad\uFFFDid\uFFFD"] });
    expect(row.message).toContain("bad\uFFFDid\uFFFD");
  });

  it("404 on a membership path: a segment that does not exist is recorded in its environment with a sample", async () => {
    const { project, production, token } = await createTestTenant();
    const { row, response } = await refusedOnce(
      () => contexts(project.key, token, { included: { add: ["k1", "k2", "k3", "k4"] } }),
      [token],
    );
    expectError(response, 404, "not_found");
    expect(row).toMatchObject({
      environmentId: production.id,
      integrationKey: "contexts",
      memberSample: ["k1", "k2", "k3"],
    });
  });

  it("413 and 415: too large a body and a body that is not JSON by its type", async () => {
    const { production, token } = await createTestTenant();
    setEnv("TRIBUTARY_BODY_LIMIT_BYTES", "1024");
    try {
      const tooLarge = await refusedOnce(
        () =>
          push(
            "amplitude",
            token,
            amplitude(production.clientSideId, [{ userId: "a".repeat(3000), value: true }]),
          ),
        [token],
      );
      expectError(tooLarge.response, 413, "payload_too_large");
      expect(tooLarge.row).toMatchObject({ environmentId: null, reasonCode: "payload_too_large" });
    } finally {
      setEnv("TRIBUTARY_BODY_LIMIT_BYTES", String(10 * 1024 * 1024));
    }
    const wrongType = await refusedOnce(
      () =>
        callRoute(segmentTargetsRoute.POST, {
          path: "/api/v2/segment-targets/amplitude",
          params: { integrationKey: "amplitude" },
          token,
          rawBody: "a,b",
          headers: { "content-type": "text/csv" },
        }),
      [token],
    );
    expectError(wrongType.response, 415, "unsupported_media_type");
    expect(wrongType.row).toMatchObject({ reasonCode: "unsupported_media_type" });
  });

  it("429: a push over the token's rate limit, with the token", async () => {
    const { production } = await createTestTenant();
    const { value, token } = await createTestToken({ role: "writer" });
    const body = amplitude(production.clientSideId, [{ userId: "a", value: true }]);
    for (let sent = 0; sent < 2; sent++) expect((await push("amplitude", value, body)).status).toBe(204);
    const { row, response } = await refusedOnce(() => push("amplitude", value, body), [value]);
    expectError(response, 429, "rate_limited");
    expect(row).toMatchObject({ reasonCode: "rate_limited", tokenId: token.id, tokenEnding: token.ending });
  });

  it("a push that succeeds records nothing", async () => {
    const { production, token } = await createTestTenant();
    const before = await currentIds();
    const response = await push(
      "amplitude",
      token,
      amplitude(production.clientSideId, [{ userId: "a", value: true }]),
    );
    expect(response.status).toBe(204);
    expect(await newRows(before)).toEqual([]);
  });
});
