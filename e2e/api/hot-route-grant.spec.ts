import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";
import { rememberSecret } from "../secrets";

// The web server serves lookups from its own copy of the route modules (imported through tsx beside Next.js's bundle),
// and both share one process-wide principal cache. A principal cached by the hot route must keep its built-in role's
// standing in Next.js's copy: an admin token may still grant what only an admin may (issue #17).

test("an admin token that a hot route has just served may still grant notResources through Next.js", async ({
  request,
}) => {
  const { value: token } = await createTestToken({ role: "admin" });
  const headers = { Authorization: token };
  const segmentKey = unique("hot-grant");
  const segment = await request.post("/api/v2/segments/default/production", {
    headers,
    data: { key: segmentKey, name: "Hot route grant", unbounded: true },
  });
  expect(segment.status()).toBe(201);

  const lookup = await request.get(`/api/v2/segments/default/production/${segmentKey}/contexts/someone`, {
    headers,
  });
  expect(lookup.status()).toBe(200);

  const created = await request.post("/api/v2/tokens", {
    headers,
    data: {
      name: unique("negated"),
      serviceToken: true,
      inlineRole: [{ effect: "allow", actions: ["viewProject"], notResources: ["proj/secret-*"] }],
    },
  });
  const body: unknown = await created.json();
  if (typeof body === "object" && body !== null && "token" in body && typeof body.token === "string") {
    rememberSecret(body.token);
  }
  expect(created.status(), JSON.stringify(body)).toBe(201);
});
