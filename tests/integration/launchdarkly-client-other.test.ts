import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import {
  failureOf,
  startLaunchDarklyApi,
  type LaunchDarklyApiServer,
} from "@/tests/support/launchdarkly-api";
import { launchDarklyModels } from "@/tests/support/launchdarkly-models";

// LaunchDarkly's own API client (launchdarkly-api-typescript), unchanged, against the app over real HTTP.
let server: LaunchDarklyApiServer;
const models = launchDarklyModels();

beforeAll(async () => {
  server = await startLaunchDarklyApi();
});

afterAll(() => server.close());

describe("OtherApi.getCallerIdentity through LaunchDarkly's client", () => {
  it("tells a service token who it is, never its value", async () => {
    const service = await createTestToken({ role: "reader", serviceToken: true });
    const identity = await server.clientsFor(service.value).other.getCallerIdentity();
    expect(models.check("CallerIdentityRep", identity.data)).toEqual([]);
    expect(identity.data).toEqual({
      accountId: "tributary",
      authKind: "token",
      tokenKind: "service",
      tokenId: service.token.id,
      tokenName: service.token.name,
      serviceToken: true,
      memberId: service.token.memberId,
    });
    expect(JSON.stringify(identity.data)).not.toContain(service.value);
  });

  it("names a personal token's member, also for a token whose member may do nothing", async () => {
    const { member } = await createTestMember({ role: "no_access" });
    const personal = await createTestToken({ role: "reader", serviceToken: false, memberId: member.id });
    const identity = await server.clientsFor(personal.value).other.getCallerIdentity();
    expect(identity.data).toMatchObject({ tokenKind: "personal", serviceToken: false, memberId: member.id });
  });

  it("answers 401 without a valid token", async () => {
    expect((await failureOf(server.clientsFor("api-not-a-token").other.getCallerIdentity())).status).toBe(
      401,
    );
  });
});

describe("OtherApi.getOpenapiSpec through LaunchDarkly's client", () => {
  it("serves the OpenAPI document where LaunchDarkly serves it, without credentials", async () => {
    const spec = await server.clientsFor("").other.getOpenapiSpec();
    expect(spec.status).toBe(200);
    expect(spec.data).toMatchObject({
      openapi: "3.1.0",
      paths: { "/api/v2/caller-identity": expect.any(Object) },
    });
  });
});
