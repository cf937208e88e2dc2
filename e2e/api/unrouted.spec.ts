import { createTestToken } from "@/tests/factories/tokens";
import { clientSideId } from "../partner-push";
import { expect, test } from "../fixtures";

const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

test("unknown paths and methods under /api/ answer JSON with the error body and Allow", async ({
  request,
}) => {
  const { value: token } = await createTestToken({ role: "reader" });

  // The app/api catch-all.
  const unknown = await request.get("/api/v2/no-such-resource/1", { headers: { Authorization: token } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ code: "not_found", id: expect.any(String) });
  expect(unknown.headers()["x-ratelimit-route-remaining"]).toMatch(/^\d+$/);
  expect(unknown.headers()["content-security-policy"]).toBe(API_POLICY);

  // A route without the method.
  const wrongMethod = await request.delete("/api/v2/projects", { headers: { Authorization: token } });
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("GET, HEAD, OPTIONS, POST");
  expect(await wrongMethod.json()).toMatchObject({ code: "method_not_allowed", id: expect.any(String) });

  const options = await request.fetch("/api/v2/projects", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("GET, HEAD, OPTIONS, POST");

  // A partner endpoint asked with GET.
  const hot = await request.get("/api/v2/segment-targets/amplitude", { headers: { Authorization: token } });
  expect(hot.status()).toBe(405);
  expect(hot.headers()["allow"]).toBe("OPTIONS, POST");
  expect(hot.headers()["x-ratelimit-route-remaining"]).toMatch(/^\d+$/);
  expect(await hot.json()).toMatchObject({ code: "method_not_allowed" });
});

test("Twilio Segment's connection test: GET /api/v2/versions and HEAD /sdk/goals/{clientSideId}", async ({
  request,
}) => {
  const { value: token } = await createTestToken({ role: "reader" });
  const versions = await request.get("/api/v2/versions", {
    headers: { Authorization: token, "LD-API-Version": "20220603" },
  });
  expect(versions.status()).toBe(200);
  expect(await versions.json()).toMatchObject({ currentVersion: 20220603, latestVersion: 20240415 });
  expect((await request.get("/api/v2/versions", { headers: { Authorization: "api-nope" } })).status()).toBe(
    401,
  );

  const environmentId = await clientSideId(request, token);
  expect((await request.head(`/sdk/goals/${environmentId}`)).status()).toBe(200);
  expect((await request.head("/sdk/goals/0123456789abcdef01234567")).status()).toBe(404);
});
