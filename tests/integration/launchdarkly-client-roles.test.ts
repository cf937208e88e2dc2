import { describe, expect, it } from "vitest";
import { unique } from "@/tests/factories/unique";
import { failureOf, useLaunchDarklyClient } from "@/tests/support/launchdarkly-api";
import { launchDarklyModels } from "@/tests/support/launchdarkly-models";

// LaunchDarkly's own API client (launchdarkly-api-typescript), unchanged, against the app over real HTTP.
const api = useLaunchDarklyClient("admin");
const models = launchDarklyModels();

describe("CustomRolesApi through LaunchDarkly's client", () => {
  it("creates, reads by key and by _id, lists, patches with a comment and deletes a role", async () => {
    const key = unique("client-role");
    const policy = [{ effect: "allow" as const, actions: ["viewProject"], resources: ["proj/*"] }];
    const created = await api.client.customRoles.postCustomRole({ key, name: "Viewer", policy });
    expect(created.status).toBe(201);
    expect(models.check("CustomRole", created.data)).toEqual([]);
    expect(created.data).toMatchObject({ key, name: "Viewer", policy });

    const byKey = await api.client.customRoles.getCustomRole(key);
    expect(models.check("CustomRole", byKey.data)).toEqual([]);
    const byId = await api.client.customRoles.getCustomRole(created.data._id);
    expect(byId.data).toEqual(byKey.data);

    const listed = await api.client.customRoles.getCustomRoles(50, 0);
    expect(models.check("CustomRoles", listed.data)).toEqual([]);

    const patched = await api.client.customRoles.patchCustomRole(key, {
      comment: "renamed by the client",
      patch: [
        { op: "replace", path: "/name", value: "Project viewer" },
        { op: "add", path: "/description", value: "sees projects" },
      ],
    });
    expect(models.check("CustomRole", patched.data)).toEqual([]);
    expect(patched.data).toMatchObject({ key, name: "Project viewer", description: "sees projects" });

    expect((await api.client.customRoles.deleteCustomRole(key)).status).toBe(204);
    expect((await failureOf(api.client.customRoles.getCustomRole(key))).status).toBe(404);
  });
});
