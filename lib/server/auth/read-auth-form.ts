import "server-only";
import { ApiError } from "@/lib/server/api/errors";
import { MAX_AUTH_BODY_BYTES } from "@/lib/server/auth/sign-in-limits";

const FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

/**
 * The form fields of a POST to next-auth (sign-in, sign-out; next-auth's client sends nothing else), read within
 * MAX_AUTH_BODY_BYTES: a declared length over it is refused before reading, and a body that grows past it while streaming
 * is cut off, so an oversized request is never held in memory whole.
 */
export async function readAuthForm(req: Pick<Request, "headers" | "body">): Promise<Record<string, string>> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_AUTH_BODY_BYTES) {
    throw new ApiError(
      "payload_too_large",
      `Request body is ${declared} bytes; the limit is ${MAX_AUTH_BODY_BYTES} bytes`,
    );
  }
  if (!req.body) return {};

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_AUTH_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError(
        "payload_too_large",
        `Request body exceeds the limit of ${MAX_AUTH_BODY_BYTES} bytes`,
      );
    }
    chunks.push(value);
  }
  if (size === 0) return {};
  const mediaType = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== FORM_MEDIA_TYPE) {
    throw new ApiError("unsupported_media_type", `Content-Type must be ${FORM_MEDIA_TYPE}`);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
}
