import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestToken } from "@/tests/factories/tokens";
import {
  failureOf,
  startLaunchDarklyApi,
  type LaunchDarklyApiServer,
} from "@/tests/support/launchdarkly-api";
import { launchDarklyModels } from "@/tests/support/launchdarkly-models";

// LaunchDarkly's own API client (launchdarkly-api-typescript), unchanged, pinning versions as its users do.
let server: LaunchDarklyApiServer;
let token: string;
const models = launchDarklyModels();

beforeAll(async () => {
  server = await startLaunchDarklyApi();
  token = (await createTestToken({ role: "reader" })).value;
});

afterAll(() => server.close());

describe("LD-API-Version through LaunchDarkly's client", () => {
  it.each(["20240415", "20220603", "20210729", "20191212", "beta"])(
    "serves a request pinned to %s",
    async (version) => {
      const client = server.clientsFor(token, { apiVersion: version });
      const versions = await client.other.getVersions();
      expect(models.check("VersionsRep", versions.data)).toEqual([]);
      expect(versions.data.beta).toBe(version === "beta");
      expect((await client.accessTokens.getTokens()).status).toBe(200);
    },
  );

  it.each(["20230101", "2024-04-15", "latest", ""])(
    "answers an unknown version %j with 400 and the error body",
    async (version) => {
      const client = server.clientsFor(token, { apiVersion: version });
      const failed = await failureOf(client.accessTokens.getTokens());
      expect(failed.status).toBe(400);
      expect(failed.body).toMatchObject({
        code: "invalid_request",
        message: expect.stringContaining("LD-API-Version"),
      });
      expect(failed.body).toHaveProperty("id");
    },
  );

  it("serves a request without the header as the latest version", async () => {
    const versions = await server.clientsFor(token).other.getVersions();
    expect(versions.data.currentVersion).toBe(versions.data.latestVersion);
  });
});
