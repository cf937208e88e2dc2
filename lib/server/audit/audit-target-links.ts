import { parseResource } from "@/lib/server/access/resource";
import type { Link } from "@/lib/schemas/common";

const API = "/api/v2";

function link(path: string[]): { self: Link } {
  return { self: { href: `${API}/${path.map(encodeURIComponent).join("/")}`, type: "application/json" } };
}

/**
 * The API address of an audit entry's target, from its resource name (`proj/p;tags:env/e:segment/s`), when the API has
 * one: LaunchDarkly's `target._links`. Nothing for a target outside the grammar or of a kind with no address.
 */
export function auditTargetLinks(target: string): { self?: Link } {
  const parsed = parseResource(target);
  if (!parsed.ok) return {};
  const names = new Map(parsed.value.parts.map((part) => [part.type, part.name ?? ""]));
  const shape = parsed.value.parts.map((part) => part.type).join(":");
  const [project = "", environment = ""] = [names.get("proj"), names.get("env")];
  switch (shape) {
    case "proj":
      return link(["projects", project]);
    case "proj:env":
      return link(["projects", project, "environments", environment]);
    case "proj:env:segment":
      return link(["segments", project, environment, names.get("segment") ?? ""]);
    case "proj:env:integration":
      return link([
        "integration-capabilities",
        "big-segment-store",
        project,
        environment,
        "redis",
        names.get("integration") ?? "",
      ]);
    case "member:token":
      return link(["tokens", names.get("token") ?? ""]);
    case "service-token":
      return link(["tokens", names.get("service-token") ?? ""]);
    case "member":
      return link(["members", names.get("member") ?? ""]);
    case "role":
      return link(["roles", names.get("role") ?? ""]);
    default:
      return {};
  }
}
