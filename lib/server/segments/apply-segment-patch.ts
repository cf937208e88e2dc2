import jsonPatch, { type Operation } from "fast-json-patch";
import { jsonPatchErrorReason } from "@/lib/server/api/json-patch-error-reason";
import {
  segmentSettingsSchema,
  type JsonPatchOperation,
  type SegmentInstruction,
  type SegmentPatch,
  type SegmentSettings,
} from "@/lib/schemas/segment";
import { ApiError } from "@/lib/server/api/errors";

type CurrentSegment = SegmentSettings & { key: string; version: number };

/** The document a JSON Patch sees: the editable settings plus `key` and `version` for `test`. */
type PatchDocument = { key: string; name: unknown; description: unknown; tags: unknown; version: number };

function toOperation(operation: JsonPatchOperation): Operation {
  switch (operation.op) {
    case "add":
    case "replace":
    case "test":
      return { op: operation.op, path: operation.path, value: operation.value };
    case "remove":
      return { op: "remove", path: operation.path };
    case "move":
    case "copy":
      return { op: operation.op, path: operation.path, from: operation.from };
  }
}

function applyJsonPatch(current: CurrentSegment, operations: JsonPatchOperation[]): PatchDocument {
  const document: PatchDocument = {
    key: current.key,
    name: current.name,
    description: current.description,
    tags: [...current.tags],
    version: current.version,
  };
  try {
    return jsonPatch.applyPatch(document, operations.map(toOperation), true, false).newDocument;
  } catch (error) {
    if (!(error instanceof jsonPatch.JsonPatchError)) throw error;
    const index = error.index ?? 0;
    const path = operations[index]?.path ?? "";
    if (error.name === "TEST_OPERATION_FAILED") {
      const detail =
        path === "/version" ? `the segment is at version ${current.version}` : "the value differs";
      throw new ApiError(
        "optimistic_locking_error",
        `Patch operation ${index}: test of "${path}" failed (${detail})`,
      );
    }
    const reason = jsonPatchErrorReason(error.name);
    throw new ApiError("invalid_request", `Patch operation ${index} on "${path}": ${reason}`);
  }
}

function applyInstructions(current: CurrentSegment, instructions: SegmentInstruction[]): PatchDocument {
  let { name, description, tags } = current;
  for (const instruction of instructions) {
    switch (instruction.kind) {
      case "updateName":
        name = instruction.value;
        break;
      case "updateDescription":
        description = instruction.value;
        break;
      case "addTags":
        tags = [...tags, ...instruction.values.filter((tag) => !tags.includes(tag))];
        break;
      case "removeTags":
        tags = tags.filter((tag) => !instruction.values.includes(tag));
        break;
    }
  }
  return { key: current.key, name, description, tags, version: current.version };
}

/**
 * The settings after the patch, validated like a create. A failed `test`, or a semantic patch for another `version`, is
 * a 409 `optimistic_locking_error`; anything else wrong is a 400. Pure: nothing is written here.
 */
export function applySegmentPatch(current: CurrentSegment, patch: SegmentPatch): SegmentSettings {
  if (patch.kind === "semantic" && patch.version !== undefined && patch.version !== current.version) {
    throw new ApiError(
      "optimistic_locking_error",
      `The patch is for version ${patch.version}, but the segment is at version ${current.version}`,
    );
  }
  const patched =
    patch.kind === "json"
      ? applyJsonPatch(current, patch.operations)
      : applyInstructions(current, patch.instructions);
  return segmentSettingsSchema.parse({
    name: patched.name,
    description: patched.description ?? null,
    tags: patched.tags,
  });
}
