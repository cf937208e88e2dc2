import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatSegmentMemberCsvRow } from "@/lib/server/segment-members/format-segment-member-csv-row";
import { readCsvKeys } from "./read-csv-keys";

const ADDED_AT = new Date("2026-01-02T03:04:05.678Z");

/** A browser's FileReader as papaparse uses it: each slice decoded as text on its own. */
class SliceFileReader {
  onload: ((event: { target: { result: string } }) => void) | null = null;
  onerror: (() => void) | null = null;
  error: unknown = null;
  readAsText(blob: Blob): void {
    void blob
      .arrayBuffer()
      .then((bytes) => this.onload?.({ target: { result: new TextDecoder().decode(bytes) } }));
  }
}

function exportedFile(keys: readonly string[]): File {
  const text = `context_key,added_at\n${keys.map((key) => formatSegmentMemberCsvRow(key, ADDED_AT)).join("")}`;
  return new File([text], "members.csv", { type: "text/csv" });
}

async function readAll(file: File): Promise<string[]> {
  const keys: string[] = [];
  const total = await readCsvKeys(file, (batch) => {
    keys.push(...batch.keys);
    return Promise.resolve();
  });
  expect(total).toBe(keys.length);
  return keys;
}

describe("readCsvKeys", () => {
  beforeEach(() => vi.stubGlobal("FileReader", SliceFileReader));
  afterEach(() => vi.unstubAllGlobals());

  it("imports the keys of an export escaped against formula injection exactly", async () => {
    const keys = [
      "=cmd|' /C calc'!A0",
      "+1",
      "-1",
      "@x",
      "\tx",
      "\rx",
      "'=x",
      "''",
      "'",
      "plain",
      'a,"b"\nc',
    ];
    expect(await readAll(exportedFile(keys))).toEqual(keys);
  });

  it("round-trips any keys through the export's rows", async () => {
    const key = fc.oneof(
      fc
        .array(
          fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "\n", ",", '"', " ", "a", "é", "\uFEFF"),
          {
            minLength: 1,
            maxLength: 6,
          },
        )
        .map((parts) => parts.join("")),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(key, { minLength: 1, maxLength: 20 }), async (keys) => {
        expect(await readAll(exportedFile(keys))).toEqual(keys);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a character whose bytes straddle a read boundary", async () => {
    // papaparse read a File in slices of this many bytes, decoding each on its own.
    const boundary = 1_000_000;
    const keys: string[] = [];
    let bytes = Buffer.byteLength("context_key,added_at\n");
    while (bytes < boundary - 200) {
      const key = `filler-${keys.length}`;
      keys.push(key);
      bytes += Buffer.byteLength(formatSegmentMemberCsvRow(key, ADDED_AT));
    }
    // The euro sign (3 bytes) starts one byte before the boundary.
    const straddling = `${"x".repeat(boundary - 1 - bytes)}€-key`;
    keys.push(straddling, "after");
    expect(await readAll(exportedFile(keys))).toEqual(keys);
  });

  it("numbers rows as a spreadsheet does and passes bad cells on for the server to skip", async () => {
    const text = 'key\nfirst\n\n,no key\n"multi\nline",x\nbad\u0007\n   \n' + "k".repeat(5_000) + "\nlast\n";
    const batches: { keys: string[]; lines: number[] }[] = [];
    const total = await readCsvKeys(new File([text], "keys.csv"), (batch) => {
      batches.push({ keys: batch.keys, lines: batch.lines });
      return Promise.resolve();
    });
    expect(total).toBe(6);
    expect(batches.flatMap((batch) => batch.keys)).toEqual([
      "first",
      "",
      "multi\nline",
      "bad\u0007",
      "k".repeat(2_048),
      "last",
    ]);
    // Line 1 is the header, 3 and 7 are blank (skipped but counted), the quoted cell spans one row.
    expect(batches.flatMap((batch) => batch.lines)).toEqual([2, 4, 5, 6, 8, 9]);
  });
});
