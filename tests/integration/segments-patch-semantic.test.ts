import { describe, expect, it } from "vitest";
import { expectError } from "@/tests/support/expect-error";
import {
  createTenantWithSegment,
  expectNothingWritten,
  patchSegment,
  segmentsSnapshot,
} from "@/tests/support/segments-api";

describe("PATCH with a semantic patch", () => {
  it.each([
    [
      "updateName",
      { kind: "updateName", value: "Renamed" },
      { name: "Renamed", _editedByHand: { name: true, description: false, tags: false } },
    ],
    [
      "updateDescription",
      { kind: "updateDescription", value: "Second" },
      { description: "Second", _editedByHand: { name: false, description: true, tags: false } },
    ],
    [
      "addTags",
      { kind: "addTags", values: ["b", "c"] },
      { tags: ["a", "b", "c"], _editedByHand: { name: false, description: false, tags: true } },
    ],
    [
      "removeTags",
      { kind: "removeTags", values: ["a", "zzz"] },
      { tags: ["b"], _editedByHand: { name: false, description: false, tags: true } },
    ],
  ])("applies %s", async (_kind, instruction, expected) => {
    const t = await createTenantWithSegment();
    const response = await patchSegment(
      t,
      "seg",
      { comment: "why", instructions: [instruction] },
      { semantic: true },
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ...expected, version: 2 });
  });

  it("applies several instructions as one version", async () => {
    const t = await createTenantWithSegment();
    const response = await patchSegment(
      t,
      "seg",
      {
        version: 1,
        instructions: [
          { kind: "updateName", value: "New" },
          { kind: "addTags", values: ["c"] },
          { kind: "removeTags", values: ["a"] },
        ],
      },
      { semantic: true },
    );
    expect(response.json).toMatchObject({ name: "New", tags: ["b", "c"], version: 2 });
  });

  it("answers 409 for another version and writes nothing", async () => {
    const t = await createTenantWithSegment();
    const before = await segmentsSnapshot(t);
    const response = await patchSegment(
      t,
      "seg",
      { version: 5, instructions: [{ kind: "updateName", value: "Never" }] },
      { semantic: true },
    );
    expectError(response, 409, "optimistic_locking_error");
    await expectNothingWritten(t, before);
  });

  it.each([
    [
      "an unknown instruction",
      { instructions: [{ kind: "addIncludedTargets", values: ["x"] }] },
      /instruction kind/,
    ],
    ["no instructions", { instructions: [] }, /instructions/],
    ["an empty name", { instructions: [{ kind: "updateName", value: "" }] }, /value/],
    ["a bad tag", { instructions: [{ kind: "addTags", values: ["a b"] }] }, /tag/],
    ["a JSON Patch array", [{ op: "replace", path: "/name", value: "x" }], /expected object/],
  ])("rejects %s with 400 and writes nothing", async (_case, body, message) => {
    const t = await createTenantWithSegment();
    const before = await segmentsSnapshot(t);
    const response = await patchSegment(t, "seg", body, { semantic: true });
    expectError(response, 400, "invalid_request");
    expect((response.json as { message: string }).message).toMatch(message);
    await expectNothingWritten(t, before);
  });
});
