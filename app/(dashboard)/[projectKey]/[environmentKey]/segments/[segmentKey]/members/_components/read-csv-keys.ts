import Papa from "papaparse";
import { unescapeCsvContextKey } from "@/lib/csv/context-key-escaping";
import { DecodedFileReadable } from "./decoded-file-readable";

/** Keys per upload: the API's chunk limit. */
export const UPLOAD_CHUNK_KEYS = 10_000;
/** Also cut a chunk at about this many bytes of keys, well under the API's request size limit. */
const UPLOAD_CHUNK_BYTES = 4_000_000;
const HEADER_NAMES = new Set(["key", "context_key"]);
/**
 * A longer cell is sent cut to this many UTF-16 units: still far over the 512 characters a key may have, so the server
 * skips it as too long, while a stray huge cell cannot push a chunk over the request size limit.
 */
const LONGEST_CELL_SENT = 2_048;

export type KeyBatch = {
  /** The first cell of each row, as it is: the server skips (and counts) those that are not valid context keys. */
  keys: string[];
  /** Each key's line as a spreadsheet numbers it: 1-based, the header and blank lines counted. */
  lines: number[];
  /** Share of the file read so far, 0..1. */
  progress: number;
};

/**
 * Streams context keys out of a CSV file's first column (an optional header row `key` or `context_key` is skipped, and
 * so are blank lines) with their line numbers, and hands them to `upload` in batches, pausing the reader until each batch is uploaded: a file of millions of keys never
 * sits in memory whole. A cell escaped by the members export against formula injection is unescaped, so an exported
 * file imports exactly the keys it was made from. Resolves with the number of keys read.
 */
export function readCsvKeys(file: File, upload: (batch: KeyBatch) => Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    let batch: string[] = [];
    let lines: number[] = [];
    let batchBytes = 0;
    let line = 0;
    let total = 0;
    let failed = false;
    let firstRecord = true;
    let progress = 0;
    const pending: KeyBatch[] = [];
    const source = new DecodedFileReadable(file);

    const cut = () => {
      if (batch.length === 0) return;
      pending.push({ keys: batch, lines, progress });
      batch = [];
      lines = [];
      batchBytes = 0;
    };

    const uploadPending = async () => {
      for (let next = pending.shift(); next !== undefined; next = pending.shift()) await upload(next);
    };

    const fail = (error: unknown, parser?: Papa.Parser) => {
      failed = true;
      source.stop();
      parser?.abort();
      reject(error instanceof Error ? error : new Error("Could not read the file"));
    };

    // papaparse reads a File in byte slices decoded one by one, which breaks characters split between two slices; it
    // reads a Node-style stream as the text it is given, so it gets the file as one decoded stream.
    const input = source as unknown as Papa.LocalFile;
    Papa.parse<string[]>(input, {
      delimiter: ",",
      // Blank lines are skipped below, after counting them: a spreadsheet numbers them too.
      skipEmptyLines: false,
      chunk: (results, parser) => {
        if (failed) return;
        progress = source.progress;
        for (const record of results.data) {
          line += 1;
          const cell = record[0] ?? "";
          if (firstRecord) {
            firstRecord = false;
            if (HEADER_NAMES.has(cell.trim().toLowerCase())) continue;
          }
          if (record.every((value) => value.trim() === "")) continue;
          const key = unescapeCsvContextKey(cell).slice(0, LONGEST_CELL_SENT);
          batch.push(key);
          lines.push(line);
          batchBytes += key.length * 3 + 3;
          total += 1;
          if (batch.length >= UPLOAD_CHUNK_KEYS || batchBytes >= UPLOAD_CHUNK_BYTES) cut();
        }
        if (pending.length === 0) return;
        parser.pause();
        source.pause();
        uploadPending().then(
          () => {
            parser.resume();
            source.resume();
          },
          (error: unknown) => fail(error, parser),
        );
      },
      complete: () => {
        if (failed) return;
        progress = 1;
        cut();
        uploadPending().then(
          () => resolve(total),
          (error: unknown) => fail(error),
        );
      },
      error: (error) => fail(error),
    });
  });
}
