import { describe, expect, it } from "vitest";
import {
  auditApiFilter,
  DEFAULT_AUDIT_FILTERS,
  readAuditFilters,
  writeAuditFilters,
  type AuditPageFilters,
} from "./audit-filters";

const MEMBER = "5b0c0d5e-8a55-4c41-9f0e-2f4c1a4b7d10";

describe("the audit page's URL", () => {
  it("holds every filter and reads back the same filters", () => {
    const filters: AuditPageFilters = {
      q: "renamed",
      resource: "proj/default",
      from: "2026-12-01",
      to: "2026-12-07",
      kind: "change",
      showSyncs: true,
      actor: { type: "member", id: MEMBER },
    };
    const query = writeAuditFilters(filters);
    expect(query.toString()).toBe(
      `q=renamed&resource=proj%2Fdefault&from=2026-12-01&to=2026-12-07&kind=change&syncs=shown&member=${MEMBER}`,
    );
    expect(readAuditFilters(query)).toEqual(filters);
  });

  it("leaves defaults out, and drops what is malformed", () => {
    expect(writeAuditFilters(DEFAULT_AUDIT_FILTERS).toString()).toBe("");
    expect(readAuditFilters({ kind: "logins", from: "yesterday", member: "me", token: ["x"] })).toEqual(
      DEFAULT_AUDIT_FILTERS,
    );
  });
});

describe("auditApiFilter", () => {
  it("hides syncs unless asked, and asks for one kind when one is chosen", () => {
    expect(auditApiFilter(DEFAULT_AUDIT_FILTERS)).toEqual({ category: ["change", "sign-in"] });
    expect(auditApiFilter({ ...DEFAULT_AUDIT_FILTERS, showSyncs: true })).toEqual({});
    expect(auditApiFilter({ ...DEFAULT_AUDIT_FILTERS, kind: "sync" })).toEqual({ category: ["sync"] });
  });

  it("sends a resource specifier as spec and other text as target", () => {
    const showAll = { ...DEFAULT_AUDIT_FILTERS, showSyncs: true };
    expect(auditApiFilter({ ...showAll, resource: "proj/*:env/production" })).toEqual({
      spec: "proj/*:env/production",
    });
    expect(auditApiFilter({ ...showAll, resource: "beta" })).toEqual({ target: "beta" });
  });

  it("names the actor by member or token id", () => {
    const showAll = { ...DEFAULT_AUDIT_FILTERS, showSyncs: true };
    expect(auditApiFilter({ ...showAll, actor: { type: "token", id: MEMBER } })).toEqual({ tokenId: MEMBER });
    expect(auditApiFilter({ ...showAll, actor: { type: "member", id: MEMBER } })).toEqual({
      memberId: MEMBER,
    });
  });

  it("turns days into exclusive bounds covering both whole days", () => {
    const filter = auditApiFilter({
      ...DEFAULT_AUDIT_FILTERS,
      showSyncs: true,
      from: "2026-12-01",
      to: "2026-12-01",
    });
    const start = new Date("2026-12-01T00:00:00").getTime();
    expect(filter).toEqual({ after: start - 1, before: start + 24 * 3600 * 1000 });
  });
});
