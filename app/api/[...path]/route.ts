import { ApiError } from "@/lib/server/api/errors";
import { refusingRoute } from "@/lib/server/api/refusing-route";

/** How much of an unknown path the message repeats. */
const SHOWN_PATH_CHARACTERS = 200;

// Any path under /api/ that no route matches: LaunchDarkly's JSON 404, not Next.js's HTML page. One rate-limit window
// for all of them, so requested paths cannot multiply the limiter's rows.
const notFound = refusingRoute("* /api/{unknown}", (req) => {
  const path = new URL(req.url).pathname;
  const shown = path.length > SHOWN_PATH_CHARACTERS ? `${path.slice(0, SHOWN_PATH_CHARACTERS)}...` : path;
  return new ApiError("not_found", `No API resource at ${req.method} ${shown}`);
});

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
