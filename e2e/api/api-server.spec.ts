import { buildPartnerPayload } from "@/lib/server/sync/build-partner-payloads";
import { INTEGRATIONS } from "@/lib/server/sync/integrations";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { clientSideId } from "../partner-push";
import { expect, test } from "../fixtures";

// The web server serves every API route from the route modules compiled into it
// (lib/server/http/create-api-request-handler.ts) and hands pages, next-auth and static files to Next.js, which runs in a
// process of its own. API answers carry the same headers as pages, and every API error has the error body.

test("pushes, lookups and evaluate answer with next.config.js's headers and the error body", async ({
  request,
}) => {
  const { value: token } = await createTestToken({ role: "writer" });
  const environmentId = await clientSideId(request, token);
  const cohortId = unique("hot");
  const keys = Array.from({ length: 10_000 }, (_, index) => `hot-${index}`);
  const pushed = await request.post("/api/v2/segment-targets/amplitude", {
    headers: { Authorization: token },
    data: {
      environmentId,
      batch: keys.map((userId) => ({ userId, cohortId, cohortName: "Hot path", value: true })),
    },
  });
  expect(pushed.status()).toBe(204);
  expect(pushed.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const lookupPath = (key: string) =>
    `/api/v2/segments/default/production/amplitude-${cohortId}/contexts/${encodeURIComponent(key)}`;
  const lookup = await request.get(lookupPath("hot-9999"), { headers: { Authorization: token } });
  expect(lookup.status()).toBe(200);
  expect(await lookup.json()).toMatchObject({ userKey: "hot-9999", included: true, excluded: false });
  const headers = lookup.headers();
  expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-ratelimit-route-remaining"]).toMatch(/^\d+$/);
  expect(headers["content-type"]).toContain("application/json");
  // A key with a slash and a space, percent-encoded in the path.
  const odd = await request.get(lookupPath("not/a member"), { headers: { Authorization: token } });
  expect(await odd.json()).toEqual({ userKey: "not/a member", included: false, excluded: false });

  const evaluated = await request.post("/api/v2/projects/default/environments/production/segments/evaluate", {
    headers: { Authorization: token },
    data: { key: "hot-1", kind: "user" },
  });
  expect(evaluated.status()).toBe(200);
  expect(await evaluated.json()).toMatchObject({
    items: expect.arrayContaining([expect.objectContaining({ key: `amplitude-${cohortId}` })]),
  });

  const anonymous = await request.get(lookupPath("hot-1"));
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ code: "unauthorized", id: expect.any(String) });
  expect(anonymous.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  // A push refused before its body is read (here: no token) still answers whole, and the connection survives it.
  const unreadBody = await request.post("/api/v2/segment-targets/amplitude", {
    data: { environmentId, batch: keys.map((userId) => ({ userId, cohortId, value: true })) },
    timeout: 3_000,
  });
  expect(unreadBody.status()).toBe(401);

  const tooLarge = await request.post("/api/v2/segment-targets/amplitude", {
    headers: { Authorization: token, "Content-Type": "application/json" },
    data: `{"environmentId":"${environmentId}","batch":[${'"x",'.repeat(3_000_000)}"x"]}`,
  });
  expect(tooLarge.status()).toBe(413);
  expect(await tooLarge.json()).toMatchObject({ code: "payload_too_large" });

  // A method the route does not take, and a path with no route: JSON errors, never Next.js's HTML page.
  const wrongMethod = await request.get("/api/v2/segment-targets/amplitude", {
    headers: { Authorization: token },
  });
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("OPTIONS, POST");
  expect(await wrongMethod.json()).toMatchObject({ code: "method_not_allowed", id: expect.any(String) });
  const noRoute = await request.get("/api/v2/no-such-thing", { headers: { Authorization: token } });
  expect(noRoute.status()).toBe(404);
  expect(await noRoute.json()).toMatchObject({ code: "not_found", id: expect.any(String) });
  expect(noRoute.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  const head = await request.head(lookupPath("hot-9999"), { headers: { Authorization: token } });
  expect(head.status()).toBe(200);
  expect(await head.body()).toHaveLength(0);
  // A path Next.js normalises first still goes to Next.js, which redirects it.
  const trailingSlash = await request.get(`${lookupPath("hot-1")}/`, {
    headers: { Authorization: token },
    maxRedirects: 0,
  });
  expect(trailingSlash.status()).toBe(308);
});

test("a dashboard session looks a key up through the API server, and a forged session cookie is refused", async ({
  ownerPage,
  request,
}) => {
  const { value: token } = await createTestToken({ role: "writer" });
  const environmentId = await clientSideId(request, token);
  const cohortId = unique("hot-session");
  const pushed = await request.post("/api/v2/segment-targets/rudderstack", {
    headers: { Authorization: token },
    data: buildPartnerPayload(INTEGRATIONS.rudderstack, { environmentId, cohortId, cohortName: "Session" }, [
      "session-key",
    ]),
  });
  expect(pushed.status()).toBe(204);
  const path = `/api/v2/segments/default/production/rudderstack-${cohortId}/contexts/session-key`;
  // The signed-in page's cookies, no token: next-auth reads the session from the request's cookies.
  const lookup = await ownerPage.request.get(path);
  expect(lookup.status()).toBe(200);
  expect(await lookup.json()).toMatchObject({ userKey: "session-key", included: true });
  expect(lookup.headers()["x-ratelimit-route-remaining"]).toMatch(/^\d+$/);
  const forged = await request.get(path, { headers: { Cookie: "next-auth.session-token=forged" } });
  expect(forged.status()).toBe(401);
});
