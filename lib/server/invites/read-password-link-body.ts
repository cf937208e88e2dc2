import "server-only";
import { ApiError } from "@/lib/server/api/errors";
import { MAX_PASSWORD_LINK_BODY_BYTES } from "@/lib/server/invites/password-link-limits";

/**
 * The JSON body of a public password form, read within MAX_PASSWORD_LINK_BODY_BYTES: a declared length over it is refused
 * before reading, and a body that grows past it is cut off, so no one holds the server's memory without a session.
 */
export async function readPasswordLinkBody(req: Pick<Request, "headers" | "body">): Promise<unknown> {
  const mediaType = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json")
    throw new ApiError("unsupported_media_type", "Content-Type must be application/json");
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_PASSWORD_LINK_BODY_BYTES)
    throw new ApiError("payload_too_large", `The limit is ${MAX_PASSWORD_LINK_BODY_BYTES} bytes`);
  if (!req.body) throw new ApiError("invalid_request", "Invalid request: a JSON body is required");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_PASSWORD_LINK_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError("payload_too_large", `The limit is ${MAX_PASSWORD_LINK_BODY_BYTES} bytes`);
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new ApiError("invalid_request", "Invalid request: the body is not JSON");
  }
}
