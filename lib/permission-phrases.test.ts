import { describe, expect, it } from "vitest";
import { ACTION_PHRASES, permissionSentence, resourcePlace, roleTitle } from "./permission-phrases";
import { ALL_ACTIONS } from "@/lib/server/access/actions";

const denied = (action: string, resource: string) => ({ action, resource, reason: "no statement allows it" });
const SEGMENT = "proj/default;web:env/production:segment/beta;vip";

describe("permissionSentence", () => {
  it("names the role and what it cannot do where, in words", () => {
    expect(permissionSentence(["reader"], [denied("deleteSegment", SEGMENT)])).toBe(
      "Your role, Reader, cannot delete segments in production.",
    );
  });

  it("lists each denied action once, in order, for one table", () => {
    expect(
      permissionSentence(
        ["reader"],
        [
          denied("updateName", SEGMENT),
          denied("updateTags", SEGMENT),
          denied("updateName", SEGMENT),
          denied("deleteSegment", SEGMENT),
        ],
      ),
    ).toBe(
      "Your role, Reader, cannot rename segments, change segment tags or delete segments in production.",
    );
  });

  it("groups places denied the same things and uses the page's display names", () => {
    expect(
      permissionSentence(
        ["writer", "sync-pusher"],
        [
          denied("deleteEnvironment", "proj/web:env/production"),
          denied("deleteEnvironment", "proj/web:env/test"),
          denied("deleteProject", "proj/web"),
        ],
        { project: "Web shop", environments: { test: "Test" } },
      ),
    ).toBe(
      "Your roles, Writer and sync-pusher, cannot delete environments in production or Test, and cannot delete projects in project Web shop.",
    );
  });

  it("needs no place for account-wide resources, and says so when the member has no role", () => {
    expect(permissionSentence(["no_access"], [denied("createRole", "role/*")])).toBe(
      "Your role, No access, cannot create custom roles.",
    );
    expect(permissionSentence([], [denied("viewAuditLog", "acct")])).toBe(
      "You have no role, so you cannot view the audit log.",
    );
  });
});

describe("phrases", () => {
  it("has a phrase for every action Tributary checks", () => {
    expect(ALL_ACTIONS.filter((action) => ACTION_PHRASES[action] === undefined)).toEqual([]);
  });

  it("titles built-in roles and keeps custom role keys", () => {
    expect(roleTitle("admin")).toBe("Admin");
    expect(roleTitle("segment-editors")).toBe("segment-editors");
  });

  it("places a resource by its environment, else its project, ignoring tags and globs", () => {
    expect(resourcePlace(SEGMENT)).toBe("production");
    expect(resourcePlace("proj/web;a,b")).toBe("project web");
    expect(resourcePlace("proj/*:env/*:segment/*")).toBe("");
    expect(resourcePlace("service-token/*")).toBe("");
    expect(resourcePlace("proj/web:env/production", { environments: { production: "Production" } })).toBe(
      "Production",
    );
  });
});
