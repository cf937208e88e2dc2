import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { expectError } from "@/tests/support/expect-error";
import {
  createTenantWithSegment,
  expectNothingWritten,
  patchSegment,
  segmentsSnapshot,
} from "@/tests/support/segments-api";

describe("PATCH with a JSON Patch", () => {
  it("updates name, description and tags, bumps the version once, marks the edits, and audits", async () => {
    const t = await createTenantWithSegment();
    const response = await patchSegment(t, "seg", [
      { op: "test", path: "/version", value: 1 },
      { op: "replace", path: "/name", value: "Renamed" },
      { op: "replace", path: "/description", value: "Second" },
      { op: "add", path: "/tags/-", value: "c" },
      { op: "replace", path: "/tags/0", value: "z" },
      { op: "remove", path: "/tags/1" },
    ]);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      key: "seg",
      name: "Renamed",
      description: "Second",
      tags: ["z", "c"],
      version: 2,
      _editedByHand: { name: true, description: true, tags: true },
    });
    const row = await prisma.segment.findUniqueOrThrow({
      where: { environmentId_key: { environmentId: t.production.id, key: "seg" } },
    });
    expect(row).toMatchObject({
      nameEditedByHand: true,
      descriptionEditedByHand: true,
      tagsEditedByHand: true,
      version: 2,
    });
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { target: { startsWith: `proj/${t.project.key}:env/production:segment/seg` } },
      orderBy: { date: "desc" },
    });
    expect(audit).toMatchObject({
      kind: "segment",
      previousVersion: { name: "Original", description: "First", tags: ["a", "b"], version: 1 },
      currentVersion: { name: "Renamed", description: "Second", tags: ["z", "c"], version: 2 },
    });
  });

  it("marks only the touched setting as edited by hand", async () => {
    const t = await createTenantWithSegment();
    const response = await patchSegment(t, "seg", [{ op: "replace", path: "/description", value: null }]);
    expect(response.json).not.toHaveProperty("description");
    expect(response.json).toMatchObject({
      version: 2,
      _editedByHand: { name: false, description: true, tags: false },
    });
  });

  it("counts a rename to the same name as a hand edit without a new version", async () => {
    const t = await createTenantWithSegment();
    const response = await patchSegment(t, "seg", [{ op: "replace", path: "/name", value: "Original" }]);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ name: "Original", version: 1, _editedByHand: { name: true } });
  });

  it("replaces the whole tag list and accepts LaunchDarkly's {comment, patch} form", async () => {
    const t = await createTenantWithSegment();
    const response = await patchSegment(t, "seg", {
      comment: "tidy tags",
      patch: [{ op: "replace", path: "/tags", value: ["x", "y", "x"] }],
    });
    expect(response.json).toMatchObject({ tags: ["x", "y"], version: 2 });
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { target: { startsWith: `proj/${t.project.key}:env/production:segment/seg` } },
      orderBy: { date: "desc" },
    });
    expect(audit.description).toContain("tidy tags");
  });

  it("applies a patch whose test /version matches", async () => {
    const t = await createTenantWithSegment();
    await patchSegment(t, "seg", [{ op: "replace", path: "/name", value: "v2" }]);
    const response = await patchSegment(t, "seg", [
      { op: "test", path: "/version", value: 2 },
      { op: "replace", path: "/name", value: "v3" },
    ]);
    expect(response.json).toMatchObject({ name: "v3", version: 3 });
  });

  it.each([
    ["a stale version", [{ op: "test", path: "/version", value: 7 }]],
    ["a different name", [{ op: "test", path: "/name", value: "Other" }]],
  ])("answers 409 for a failed test of %s and writes nothing", async (_case, operations) => {
    const t = await createTenantWithSegment();
    const before = await segmentsSnapshot(t);
    const response = await patchSegment(t, "seg", [
      ...operations,
      { op: "replace", path: "/name", value: "Never" },
    ]);
    expectError(response, 409, "optimistic_locking_error");
    await expectNothingWritten(t, before);
  });

  it("lets only one of two concurrent patches with the same test /version win", async () => {
    const t = await createTenantWithSegment();
    const attempt = (name: string) =>
      patchSegment(t, "seg", [
        { op: "test", path: "/version", value: 1 },
        { op: "replace", path: "/name", value: name },
      ]);
    const results = await Promise.all([attempt("first"), attempt("second"), attempt("third")]);
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const row = await prisma.segment.findUniqueOrThrow({
      where: { environmentId_key: { environmentId: t.production.id, key: "seg" } },
    });
    expect(row.version).toBe(2);
  });

  it.each([
    ["the key", [{ op: "replace", path: "/key", value: "other" }]],
    ["the version", [{ op: "replace", path: "/version", value: 9 }]],
    ["unbounded", [{ op: "replace", path: "/unbounded", value: true }]],
    ["a nested name path", [{ op: "add", path: "/name/x", value: "y" }]],
    ["a tag index with a leading zero", [{ op: "replace", path: "/tags/01", value: "y" }]],
    ["a copy from another path", [{ op: "copy", from: "/key", path: "/name" }]],
    ["a test of another path", [{ op: "test", path: "/unbounded", value: false }]],
    ["an unknown op", [{ op: "merge", path: "/name", value: "y" }]],
    ["an empty patch", []],
    ["a patch that is not a list", { op: "replace", path: "/name", value: "y" }],
    ["a tag index past the end", [{ op: "replace", path: "/tags/5", value: "y" }]],
    ["a missing value", [{ op: "replace", path: "/name" }]],
    ["an empty name", [{ op: "replace", path: "/name", value: "" }]],
    ["a name that is not a string", [{ op: "replace", path: "/name", value: 42 }]],
    ["removing the name", [{ op: "remove", path: "/name" }]],
    ["a bad tag", [{ op: "add", path: "/tags/-", value: "has space" }]],
    [
      "a description over 1024 characters",
      [{ op: "replace", path: "/description", value: "d".repeat(1025) }],
    ],
    ["a semantic patch without its content type", { instructions: [{ kind: "updateName", value: "x" }] }],
  ])("rejects a patch of %s with 400 and writes nothing", async (_case, body) => {
    const t = await createTenantWithSegment();
    const before = await segmentsSnapshot(t);
    expectError(await patchSegment(t, "seg", body), 400, "invalid_request");
    await expectNothingWritten(t, before);
  });

  it("answers 404 for an unknown segment", async () => {
    const t = await createTenantWithSegment();
    expectError(
      await patchSegment(t, "nope", [{ op: "replace", path: "/name", value: "x" }]),
      404,
      "not_found",
    );
  });
});
