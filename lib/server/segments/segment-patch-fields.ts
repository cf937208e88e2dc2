import type { SegmentPatch } from "@/lib/schemas/segment";
import { ApiError } from "@/lib/server/api/errors";

export type SegmentField = "name" | "description" | "tags";

const WRITABLE_PATH = /^\/(?:(name|description|tags)|(tags)\/(?:-|0|[1-9][0-9]*))$/;

function fieldOf(path: string, role: "path" | "from", index: number): SegmentField {
  const match = WRITABLE_PATH.exec(path);
  const field = match?.[1] ?? match?.[2];
  if (field !== "name" && field !== "description" && field !== "tags") {
    throw new ApiError(
      "invalid_request",
      `Patch operation ${index}: ${role} "${path}" may not be changed; use /name, /description, /tags, /tags/- or /tags/N`,
    );
  }
  return field;
}

const TESTABLE = new Set(["/version", "/key"]);

/**
 * The settings a patch writes, so that each one's action can be checked before anything is applied. A JSON Patch that
 * writes or reads any other path is refused here (400); `test` may also read `/version` and `/key`.
 */
export function segmentPatchFields(patch: SegmentPatch): Set<SegmentField> {
  const fields = new Set<SegmentField>();
  if (patch.kind === "semantic") {
    for (const instruction of patch.instructions) {
      if (instruction.kind === "updateName") fields.add("name");
      else if (instruction.kind === "updateDescription") fields.add("description");
      else fields.add("tags");
    }
    return fields;
  }
  for (const [index, operation] of patch.operations.entries()) {
    switch (operation.op) {
      case "test":
        if (!TESTABLE.has(operation.path)) fieldOf(operation.path, "path", index);
        break;
      case "copy":
        fieldOf(operation.from, "from", index);
        fields.add(fieldOf(operation.path, "path", index));
        break;
      case "move":
        fields.add(fieldOf(operation.from, "from", index));
        fields.add(fieldOf(operation.path, "path", index));
        break;
      default:
        fields.add(fieldOf(operation.path, "path", index));
    }
  }
  return fields;
}
