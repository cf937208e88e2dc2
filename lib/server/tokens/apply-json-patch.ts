import jsonPatch, { type Operation } from "fast-json-patch";
import { jsonPatchErrorReason } from "@/lib/server/api/json-patch-error-reason";
import type { JsonPatchOperation } from "@/lib/schemas/segment";
import type { JsonPatchRequest } from "@/lib/schemas/token";
import { ApiError } from "@/lib/server/api/errors";

export type AppliedPatch<F extends string> = {
  /** The document after the patch; callers validate it like a create before writing anything. */
  document: Record<string, unknown>;
  /** The writable fields that some operation writes (`test` reads only). */
  fields: Set<F>;
  comment: string | undefined;
};

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

/** The top-level field a JSON Pointer names: `/inlineRole/0/actions` → `inlineRole` (with `~1`, `~0` unescaped). */
function topField(pointer: string): string | null {
  if (!pointer.startsWith("/")) return null;
  const [first = ""] = pointer.slice(1).split("/");
  return first.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * Applies a JSON Patch (RFC 6902) to a copy of `document`, allowing writes only under `writable` fields (whole values or
 * inside them) and `test` on any field of the document. A failed `test` is 409 `optimistic_locking_error`; any other
 * problem is a 400 naming the operation. Pure: nothing is written here.
 *
 * `authorize` gets the fields the patch writes before any operation is applied: a caller that may not make the change
 * must be refused before a `test` could tell it whether a guessed value is right (409 against 403).
 */
export function applyJsonPatch<F extends string>(
  document: Record<string, unknown>,
  request: JsonPatchRequest,
  writable: readonly F[],
  authorize?: (fields: ReadonlySet<F>) => void,
): AppliedPatch<F> {
  const operations = Array.isArray(request) ? request : request.patch;
  const comment = Array.isArray(request) ? undefined : request.comment;
  const fields = new Set<F>();
  const isWritable = (field: string | null): field is F =>
    field !== null && (writable as readonly string[]).includes(field);
  const allowed = writable.map((field) => `/${field}`).join(", ");

  for (const [index, operation] of operations.entries()) {
    const target = topField(operation.path);
    if (operation.op === "test") {
      if (target === null || !Object.hasOwn(document, target)) {
        throw new ApiError("invalid_request", `Patch operation ${index}: cannot test "${operation.path}"`);
      }
      continue;
    }
    if (!isWritable(target)) {
      throw new ApiError(
        "invalid_request",
        `Patch operation ${index}: path "${operation.path}" may not be changed; use ${allowed}`,
      );
    }
    if (operation.op === "move") {
      const source = topField(operation.from);
      if (!isWritable(source)) {
        throw new ApiError(
          "invalid_request",
          `Patch operation ${index}: from "${operation.from}" may not be moved; use ${allowed}`,
        );
      }
      fields.add(source);
    } else if (operation.op === "copy") {
      const source = topField(operation.from);
      if (source === null || !Object.hasOwn(document, source)) {
        throw new ApiError(
          "invalid_request",
          `Patch operation ${index}: from "${operation.from}" does not exist`,
        );
      }
    }
    fields.add(target);
  }
  authorize?.(fields);

  try {
    const patched = jsonPatch.applyPatch(document, operations.map(toOperation), true, false);
    return { document: patched.newDocument, fields, comment };
  } catch (error) {
    if (!(error instanceof jsonPatch.JsonPatchError)) throw error;
    const index = error.index ?? 0;
    const path = operations[index]?.path ?? "";
    if (error.name === "TEST_OPERATION_FAILED") {
      throw new ApiError(
        "optimistic_locking_error",
        `Patch operation ${index}: test of "${path}" failed (the value differs)`,
      );
    }
    const reason = jsonPatchErrorReason(error.name);
    throw new ApiError("invalid_request", `Patch operation ${index} on "${path}": ${reason}`);
  }
}
