import { methodsNotAllowed } from "@/lib/server/api/methods-not-allowed";
import { importCommitSchema } from "@/lib/schemas/segment-import";
import { apiHandler } from "@/lib/server/api/handler";
import { readJsonBody } from "@/lib/server/api/read-json-body";
import { json } from "@/lib/server/api/responses";
import { commitSegmentImport } from "@/lib/server/imports/commit-segment-import";
import { getSegmentForActionOrHide } from "@/lib/server/segments/get-segment-for-action-or-hide";

type Params = { projectKey: string; environmentKey: string; segmentKey: string; importId: string };

export const POST = apiHandler<Params>(
  async ({ req, params, principal }) => {
    // An empty body is a commit without confirmation.
    const body =
      req.headers.get("content-length") === "0" || req.body === null ? {} : await readJsonBody(req);
    const { confirm } = importCommitSchema.parse(body);
    const { segment, resource } = await getSegmentForActionOrHide(principal, params, "updateIncluded");
    return json(
      await commitSegmentImport({
        principal,
        segment,
        resource,
        importId: params.importId,
        confirm: confirm ?? false,
      }),
    );
  },
  { route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports/{importId}/commit" },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(
  "/api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/imports/{importId}/commit",
  ["POST"],
);
