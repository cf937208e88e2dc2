import { describe, expect, it } from "vitest";
import { createModelChecker, launchDarklyModels } from "@/tests/support/launchdarkly-models";

// A stand-in for the client's declarations, shaped as its generator writes them (quoted names, enum-like consts).
const DECLARATIONS = `
export interface Link { 'href'?: string; 'type'?: string; }
export declare const KindEnum: { readonly Redis: "redis"; readonly Dynamodb: "dynamodb"; };
export type KindEnum = typeof KindEnum[keyof typeof KindEnum];
export interface Child { 'count': number; 'note'?: string; }
export interface Thing {
  '_id': string;
  'on': boolean;
  'kind': KindEnum;
  'tags': Array<string>;
  'children': Array<Child>;
  '_links': { [key: string]: Link; };
  'lastError'?: number;
  'anything'?: any;
  'maybe'?: string | null;
}
`;

const models = createModelChecker({ fileName: "/virtual/models.d.ts", sourceText: DECLARATIONS });

const fitting = {
  _id: "a",
  on: true,
  kind: "redis",
  tags: ["x"],
  children: [{ count: 1 }],
  _links: { self: { href: "/x", type: "application/json" } },
  extra: "properties the model does not name are fine",
};

describe("the model checker", () => {
  it("passes an answer that fits the model", () => {
    expect(models.check("Thing", fitting)).toEqual([]);
    expect(models.check("Thing", { ...fitting, lastError: 5, anything: null, maybe: null })).toEqual([]);
  });

  it("names a missing required property", () => {
    const { on: _on, ...withoutOn } = fitting;
    expect(models.check("Thing", withoutOn)).toEqual(["Thing.on: required by the model, missing"]);
  });

  it("refuses null where the model says string or number", () => {
    expect(models.check("Thing", { ...fitting, _id: null })).toEqual([
      "Thing._id: null where the model says string (omit the property instead)",
    ]);
    expect(models.check("Thing", { ...fitting, lastError: null })).toHaveLength(1);
  });

  it("checks JSON types, enum values, array elements and index-signature values recursively", () => {
    expect(models.check("Thing", { ...fitting, lastError: "soon" })).toEqual([
      "Thing.lastError: expected number, got string",
    ]);
    expect(models.check("Thing", { ...fitting, kind: "memcached" })).toHaveLength(1);
    expect(models.check("Thing", { ...fitting, tags: "x" })).toHaveLength(1);
    expect(models.check("Thing", { ...fitting, children: [{ count: 1 }, { note: "n" }] })).toEqual([
      "Thing.children[1].count: required by the model, missing",
    ]);
    expect(models.check("Thing", { ...fitting, _links: { self: { href: 3 } } })).toEqual([
      "Thing._links.self.href: expected string, got number",
    ]);
    expect(models.check("Thing", { ...fitting, on: "yes" })).toHaveLength(1);
  });

  it("refuses a model name the declarations lack", () => {
    expect(() => models.check("Nothing", {})).toThrow(/no model named Nothing/);
  });

  it("reads LaunchDarkly's client's own declarations", () => {
    const client = launchDarklyModels();
    expect(client.check("Link", { href: "/api/v2", type: "application/json" })).toEqual([]);
    expect(client.check("MemberSummary", {})).toContain("MemberSummary._id: required by the model, missing");
  });
});
