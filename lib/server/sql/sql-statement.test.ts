import { describe, expect, it } from "vitest";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

type Params = { segmentIds: number[]; appliedAt: Date; status: string };

describe("sqlStatement", () => {
  const statement = sqlStatement<Params>(
    "test_statement",
    { segmentIds: "::int[]", appliedAt: "", status: "::text" },
    (p) => `UPDATE segment SET last_sync_at = ${p.appliedAt}, last_sync_status = ${p.status}
      WHERE id = ANY (${p.segmentIds}) AND last_sync_at < ${p.appliedAt}`,
  );

  it("numbers the parameters in the order of their casts, each name one number however often it is used", () => {
    expect(statement.text).toBe(`UPDATE segment SET last_sync_at = $2, last_sync_status = $3::text
      WHERE id = ANY ($1::int[]) AND last_sync_at < $2`);
  });

  it("gives the values of a parameter object in that order, whatever the object's own order", () => {
    const appliedAt = new Date(0);
    expect(statement.query({ status: "succeeded", appliedAt, segmentIds: [2, 1] })).toEqual({
      name: "test_statement",
      text: statement.text,
      values: [[2, 1], appliedAt, "succeeded"],
    });
  });
});
