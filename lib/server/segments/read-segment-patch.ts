import { segmentJsonPatchSchema, segmentSemanticPatchSchema, type SegmentPatch } from "@/lib/schemas/segment";
import { ApiError } from "@/lib/server/api/errors";
import { readJsonBody } from "@/lib/server/api/read-json-body";

/** `Content-Type: application/json; domain-model=launchdarkly.semanticpatch` selects LaunchDarkly's semantic patch. */
function isSemanticPatch(contentType: string | null): boolean {
  if (contentType === null) return false;
  const [, ...parameters] = contentType.split(";");
  return parameters.some((parameter) => {
    const [name = "", value = ""] = parameter.split("=", 2).map((part) => part.trim().toLowerCase());
    return name === "domain-model" && value.replace(/^"(.*)"$/, "$1") === "launchdarkly.semanticpatch";
  });
}

function looksSemantic(body: unknown): boolean {
  return typeof body === "object" && body !== null && !Array.isArray(body) && "instructions" in body;
}

/** Reads a segment PATCH body as a JSON Patch (bare array or `{comment, patch}`) or, by content type, a semantic patch. */
export async function readSegmentPatch(req: Pick<Request, "headers" | "body">): Promise<SegmentPatch> {
  const semantic = isSemanticPatch(req.headers.get("content-type"));
  const body = await readJsonBody(req);
  if (semantic) return { kind: "semantic", ...segmentSemanticPatchSchema.parse(body) };
  if (looksSemantic(body)) {
    throw new ApiError(
      "invalid_request",
      'A semantic patch needs "Content-Type: application/json; domain-model=launchdarkly.semanticpatch"',
    );
  }
  const parsed = segmentJsonPatchSchema.parse(body);
  return Array.isArray(parsed)
    ? { kind: "json", operations: parsed }
    : { kind: "json", operations: parsed.patch, comment: parsed.comment };
}
