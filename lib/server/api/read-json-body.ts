import { env } from "@/lib/env";
import { ApiError } from "@/lib/server/api/errors";

function isJsonContentType(contentType: string): boolean {
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

/**
 * Reads a JSON body within the configured size limit: a declared length over it is refused before reading, and a body
 * that grows past it while streaming is cut off, so an oversized request is never held in memory whole.
 */
export async function readJsonBody(req: Request): Promise<unknown> {
  const limit = env().TRIBUTARY_BODY_LIMIT_BYTES;
  const contentType = req.headers.get("content-type");
  if (contentType && !isJsonContentType(contentType)) {
    throw new ApiError(
      "unsupported_media_type",
      `Content-Type must be application/json, got "${contentType}"`,
    );
  }
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) {
    throw new ApiError("payload_too_large", `Request body is ${declared} bytes; the limit is ${limit} bytes`);
  }
  if (!req.body) throw new ApiError("invalid_request", "Request body is empty; expected JSON");

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError("payload_too_large", `Request body exceeds the limit of ${limit} bytes`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw new ApiError("invalid_request", "Request body is empty; expected JSON");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("invalid_request", "Request body is not valid JSON");
  }
}
