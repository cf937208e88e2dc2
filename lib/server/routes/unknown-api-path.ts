import "server-only";
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

/** The exports of `app/api/[...path]/route.ts`, and what the API server answers where no route matches. */
export const UNKNOWN_API_PATH = {
  GET: notFound,
  HEAD: notFound,
  POST: notFound,
  PUT: notFound,
  PATCH: notFound,
  DELETE: notFound,
  OPTIONS: notFound,
};
