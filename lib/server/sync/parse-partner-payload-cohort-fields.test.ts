import { describe, expect, it } from "vitest";
import { amplitudeMember, ENV, onlyCohort, parse } from "@/tests/support/parse-partner-helpers";

describe("parsePartnerPayload: cohort URLs, descriptions and action words", () => {
  it("keeps only http(s) cohort URLs", () => {
    const push = parse("rudderstack", {
      environmentId: ENV,
      cohortId: "rs",
      cohortUrl: "javascript:alert(1)",
      listData: { add: [] },
    });
    expect(onlyCohort(push).cohortUrl).toBeNull();
  });

  it("reads a cohort description beside the cohort name", () => {
    const modeB = parse("rudderstack", {
      environmentId: ENV,
      cohortId: "rs",
      cohortName: "N",
      description: "Described",
      listData: { add: [] },
    });
    expect(onlyCohort(modeB).cohortDescription).toBe("Described");
    const modeA = parse("amplitude", {
      environmentId: ENV,
      batch: [{ ...amplitudeMember("u", true), cohortDescription: "Item level" }],
    });
    expect(onlyCohort(modeA).cohortDescription).toBe("Item level");
  });

  it("tealium: exactly add_member adds, anything else removes", () => {
    const body = (action: unknown) => ({
      action,
      parameters: { tealium_project_id: ENV, tealium_cohort_id: "tl", members: [{ member_id: "m" }] },
    });
    expect(onlyCohort(parse("tealium-synced-segments", body("add_member")))).toMatchObject({
      add: ["m"],
      remove: [],
    });
    for (const action of [
      "remove_member",
      "add_members",
      "ADD_MEMBER",
      "add",
      " add_member",
      "xadd_member",
    ]) {
      expect(onlyCohort(parse("tealium-synced-segments", body(action)))).toMatchObject({
        add: [],
        remove: ["m"],
      });
    }
  });

  it("zeotap: members or add_members adds, anything else removes", () => {
    const body = (action: unknown) => ({
      action,
      parameters: {
        integration_project_id: ENV,
        integration_cohort_id: "zt",
        members: [{ integration_distinct_id: "m" }],
      },
    });
    for (const action of ["members", "add_members"]) {
      expect(onlyCohort(parse("zeotap", body(action)))).toMatchObject({ add: ["m"], remove: [] });
    }
    for (const action of [
      "remove_members",
      "delete",
      "add_member",
      "members_add",
      "membersadd_members",
      "",
    ]) {
      expect(onlyCohort(parse("zeotap", body(action)))).toMatchObject({ add: [], remove: ["m"] });
    }
  });

  it("hightouch: exactly add adds, anything else removes", () => {
    const body = (action: unknown) => ({
      environmentId: ENV,
      cohortId: "ht",
      action,
      members: [{ integration_distinct_id: "m" }],
    });
    expect(onlyCohort(parse("hightouch", body("add")))).toMatchObject({ add: ["m"], remove: [] });
    for (const action of ["remove", "added", "Add", "readd", ""]) {
      expect(onlyCohort(parse("hightouch", body(action)))).toMatchObject({ add: [], remove: ["m"] });
    }
  });
});
