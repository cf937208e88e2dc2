import "server-only";
import { notFound } from "next/navigation";
import { ApiError } from "@/lib/server/api/errors";

/** For a page's loader: the API's 404 (missing, or not visible to this member) becomes the page's 404; other errors stay. */
export function notFoundWhenMissing(error: unknown): never {
  if (error instanceof ApiError && error.status === 404) notFound();
  throw error;
}
