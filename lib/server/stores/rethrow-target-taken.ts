import "server-only";
import { ApiError } from "@/lib/server/api/errors";

/**
 * Awaits a write of a store and turns a violation of the unique target key (PostgreSQL's unique index, so two concurrent
 * writes cannot both win) into a 409. It names no other store: the caller may not be allowed to view it.
 */
export async function rethrowTargetTaken<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const code: unknown =
      typeof error === "object" && error !== null ? Reflect.get(error, "code") : undefined;
    if (code !== "P2002") throw error;
    throw new ApiError(
      "conflict",
      "Another store already writes to this Redis target (host, port, database and prefix), or one deleted or moved from it is still being cleaned up there: choose another prefix",
    );
  }
}
