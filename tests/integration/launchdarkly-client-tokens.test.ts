import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import {
  failureOf,
  startLaunchDarklyApi,
  type LaunchDarklyApiServer,
  type LaunchDarklyClients,
} from "@/tests/support/launchdarkly-api";
import { launchDarklyModels } from "@/tests/support/launchdarkly-models";

// LaunchDarkly's own API client (launchdarkly-api-typescript), unchanged, against the app over real HTTP.
let server: LaunchDarklyApiServer;
let client: LaunchDarklyClients;
const models = launchDarklyModels();

beforeAll(async () => {
  server = await startLaunchDarklyApi();
  const { member } = await createTestMember({ role: "admin" });
  const admin = await createTestToken({ role: "admin", memberId: member.id, serviceToken: false });
  client = server.clientsFor(admin.value, { apiVersion: "20240415" });
});

afterAll(() => server.close());

describe("AccessTokensApi through LaunchDarkly's client", () => {
  it("creates, reads, lists, patches, resets and deletes a token, each answer fitting the Token model", async () => {
    const name = unique("client-token");
    const created = await client.accessTokens.postToken({
      name,
      description: "made by LaunchDarkly's client",
      role: "writer",
      serviceToken: true,
    });
    expect(created.status).toBe(201);
    expect(models.check("Token", created.data)).toEqual([]);
    expect(created.data).toMatchObject({ name, role: "writer", serviceToken: true });
    expect(created.data.token).toMatch(/^api-/);
    const id = created.data._id;

    const read = await client.accessTokens.getToken(id);
    expect(models.check("Token", read.data)).toEqual([]);
    expect(read.data).toMatchObject({ _id: id, name, description: "made by LaunchDarkly's client" });

    const listed = await client.accessTokens.getTokens(true, 50, 0);
    expect(models.check("Tokens", listed.data)).toEqual([]);
    expect(listed.data.items?.map((token) => token._id)).toContain(id);

    const patched = await client.accessTokens.patchToken(id, [
      { op: "replace", path: "/name", value: `${name}-renamed` },
      { op: "replace", path: "/role", value: "reader" },
    ]);
    expect(models.check("Token", patched.data)).toEqual([]);
    expect(patched.data).toMatchObject({ name: `${name}-renamed`, role: "reader" });

    const reset = await client.accessTokens.resetToken(id);
    expect(models.check("Token", reset.data)).toEqual([]);
    expect(reset.data.token).toMatch(/^api-/);
    expect(reset.data.token).not.toBe(created.data.token);

    const deleted = await client.accessTokens.deleteToken(id);
    expect(deleted.status).toBe(204);
    expect((await failureOf(client.accessTokens.getToken(id))).status).toBe(404);
  });

  it("takes custom roles by LaunchDarkly's _id in customRoleIds and answers their keys", async () => {
    const key = unique("token-role");
    const role = await client.customRoles.postCustomRole({
      key,
      name: key,
      policy: [{ effect: "allow", actions: ["viewProject"], resources: ["proj/*"] }],
    });
    const created = await client.accessTokens.postToken({
      name: unique("by-id"),
      customRoleIds: [role.data._id],
      serviceToken: true,
    });
    expect(models.check("Token", created.data)).toEqual([]);
    expect(created.data.customRoleIds).toEqual([key]);
    const patched = await client.accessTokens.patchToken(created.data._id, [
      { op: "replace", path: "/customRoleIds", value: [role.data._id] },
    ]);
    expect(patched.data.customRoleIds).toEqual([key]);
  });

  it("fits the model for a token with an inline policy and no description", async () => {
    const created = await client.accessTokens.postToken({
      name: unique("inline"),
      inlineRole: [{ effect: "allow", actions: ["viewProject"], resources: ["proj/*"] }],
      serviceToken: true,
    });
    expect(models.check("Token", created.data)).toEqual([]);
    expect(created.data.inlineRole).toEqual([
      { effect: "allow", actions: ["viewProject"], resources: ["proj/*"] },
    ]);
  });
});
