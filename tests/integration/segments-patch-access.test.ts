import { describe, expect, it } from "vitest";
import type { Policy } from "@/lib/schemas/policy";
import { createTestTenant } from "@/tests/factories/tenants";
import { createTestPolicyToken, createTestToken } from "@/tests/factories/tokens";
import { expectError } from "@/tests/support/expect-error";
import {
  createSegmentOk,
  expectNothingWritten,
  patchSegment,
  segmentsSnapshot,
} from "@/tests/support/segments-api";

describe("PATCH access", () => {
  const updateNameOnly: Policy = [
    { effect: "allow", actions: ["updateName"], resources: ["proj/*:env/*:segment/*"] },
  ];

  it("checks each touched setting's action separately", async () => {
    const t = await createTestTenant();
    await createSegmentOk(t, { key: "seg", name: "Original", tags: ["a"] });
    const token = await createTestPolicyToken(updateNameOnly);
    const before = await segmentsSnapshot(t);
    // The token may not view the segment: a patch it may do none of is answered as for an unknown segment.
    const refused: [unknown, boolean, number][] = [
      [[{ op: "add", path: "/tags/-", value: "b" }], false, 404],
      [[{ op: "replace", path: "/description", value: "d" }], false, 404],
      [
        [
          { op: "replace", path: "/name", value: "n" },
          { op: "add", path: "/tags/-", value: "b" },
        ],
        false,
        403,
      ],
      [{ instructions: [{ kind: "addTags", values: ["b"] }] }, true, 404],
      [{ instructions: [{ kind: "updateDescription", value: "d" }] }, true, 404],
    ];
    for (const [body, semantic, status] of refused) {
      const answer = await patchSegment(t, "seg", body, { token, semantic });
      expectError(answer, status, status === 404 ? "not_found" : "forbidden");
    }
    await expectNothingWritten(t, before);
    const renamed = await patchSegment(t, "seg", [{ op: "replace", path: "/name", value: "By name only" }], {
      token,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: "By name only", tags: ["a"] });
  });

  it("lets a token limited to amplitude-* patch amplitude-x but not hightouch-y", async () => {
    const t = await createTestTenant();
    await createSegmentOk(t, { key: "amplitude-x", name: "A" });
    await createSegmentOk(t, { key: "hightouch-y", name: "H" });
    const token = await createTestPolicyToken([
      { effect: "allow", actions: ["update*"], resources: ["proj/*:env/*:segment/amplitude-*"] },
    ]);
    const body = [{ op: "replace", path: "/name", value: "Renamed" }];
    expect(await patchSegment(t, "amplitude-x", body, { token })).toMatchObject({
      status: 200,
      json: { name: "Renamed" },
    });
    const before = await segmentsSnapshot(t);
    expectError(await patchSegment(t, "hightouch-y", body, { token }), 404, "not_found");
    await expectNothingWritten(t, before);
  });

  it("answers 401 without a valid token and 403 for a reader, writing nothing", async () => {
    const t = await createTestTenant();
    await createSegmentOk(t, { key: "seg", name: "S" });
    const body = [{ op: "replace", path: "/name", value: "x" }];
    const reader = (await createTestToken({ role: "reader" })).value;
    const before = await segmentsSnapshot(t);
    expectError(await patchSegment(t, "seg", body, { token: null }), 401, "unauthorized");
    expectError(await patchSegment(t, "seg", body, { token: "api-not-a-real-token" }), 401, "unauthorized");
    expectError(await patchSegment(t, "seg", body, { token: reader }), 403, "forbidden");
    expectError(
      await patchSegment(
        t,
        "seg",
        { instructions: [{ kind: "updateName", value: "x" }] },
        { token: reader, semantic: true },
      ),
      403,
      "forbidden",
    );
    await expectNothingWritten(t, before);
  });
});
