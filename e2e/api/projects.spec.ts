import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";

test("the projects API over real HTTP: create, read, errors with LaunchDarkly's body", async ({
  request,
}) => {
  const { value } = await createTestToken({ role: "writer" });
  const key = unique("api");
  const created = await request.post("/api/v2/projects", {
    headers: { Authorization: value },
    data: { key, name: "API project" },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["x-ratelimit-route-remaining"]).toMatch(/^\d+$/);
  const body = (await created.json()) as { environments: { clientSideId: string }[] };
  expect(body.environments).toHaveLength(2);

  const fetched = await request.get(`/api/v2/projects/${key}`, {
    headers: { Authorization: `Bearer ${value}` },
  });
  expect(fetched.status()).toBe(200);

  const anonymous = await request.get("/api/v2/projects");
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({
    code: "unauthorized",
    message: expect.any(String),
    id: expect.any(String),
  });

  const duplicate = await request.post("/api/v2/projects", {
    headers: { Authorization: value },
    data: { key, name: "again" },
  });
  expect(duplicate.status()).toBe(409);

  const openapi = await request.get("/api/openapi.json");
  expect(openapi.status()).toBe(200);
  expect(((await openapi.json()) as { openapi: string }).openapi).toBe("3.1.0");
});
