import type { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";

// docs/prisma-wasm.md describes defects 1 and 2 of adapter-pg 7.10, worked around here and in tracked-adapter-factory.ts;
// defect 3 is described below.

// ---------------------------------------------------------------------------------------------------------------------
// Defect 1: PostgreSQL's one-byte "char" (OID 18), which adapter-pg cannot map to a column type
// ---------------------------------------------------------------------------------------------------------------------

const CHAR_OID = 18;
const TEXT_OID = 25;

type PgField = { dataTypeID: number };
type PgResultLike = { fields: PgField[]; rows: unknown[] };
type PerformIO = (query: SqlQuery) => Promise<unknown>;

/** `queryRaw` returns the `rows` array of `performIO`'s result as is, so it is the key linking the two calls. */
const charColumnsByRows = new WeakMap<object, number[]>();

function isPgResultLike(value: unknown): value is PgResultLike {
  if (typeof value !== "object" || value === null) return false;
  const { fields, rows } = value as { fields?: unknown; rows?: unknown };
  return (
    Array.isArray(fields) &&
    Array.isArray(rows) &&
    fields.every((field: unknown) => typeof field === "object" && field !== null && "dataTypeID" in field)
  );
}

function patchCharColumns(queryable: SqlQueryable): void {
  const internals = queryable as unknown as { performIO?: unknown };
  const performIO = internals.performIO;
  if (typeof performIO !== "function") {
    throw new Error(
      '@prisma/adapter-pg internals changed: performIO not found; revisit the "char" column workaround',
    );
  }
  const originalPerformIO = performIO as PerformIO;
  const patchedPerformIO: PerformIO = async (query) => {
    const result = await originalPerformIO.call(queryable, query);
    if (isPgResultLike(result)) {
      const charColumns: number[] = [];
      result.fields.forEach((field, index) => {
        if (field.dataTypeID === CHAR_OID) {
          field.dataTypeID = TEXT_OID;
          charColumns.push(index);
        }
      });
      if (charColumns.length > 0) charColumnsByRows.set(result.rows, charColumns);
    }
    return result;
  };
  internals.performIO = patchedPerformIO;

  const originalQueryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query: SqlQuery): Promise<SqlResultSet> => {
    const resultSet = await originalQueryRaw(query);
    const charColumns = charColumnsByRows.get(resultSet.rows);
    if (charColumns) {
      for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return resultSet;
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Defect 3: adapter-pg's executeScript splits the script on every ";", even inside string literals, comments and
// function bodies, and runs the pieces one by one, so a failing statement leaves the earlier ones applied
// ---------------------------------------------------------------------------------------------------------------------

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * Sends the whole script as one simple query instead, as the native engine does: PostgreSQL parses it itself and runs
 * it as one implicit transaction.
 */
function patchExecuteScript(adapter: PgAdapter): void {
  const onError = (adapter as unknown as { onError?: unknown }).onError;
  if (typeof onError !== "function") {
    throw new Error(
      "@prisma/adapter-pg internals changed: onError not found; revisit the executeScript workaround",
    );
  }
  adapter.executeScript = async (script: string): Promise<void> => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      // Maps the pg error to the DriverAdapterError the engine understands, as the original executeScript does.
      onError.call(adapter, error);
      throw error;
    }
  };
}

export function patchAdapter(adapter: PgAdapter): SqlDriverAdapter {
  patchExecuteScript(adapter);
  patchCharColumns(adapter);
  const originalStartTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (
    ...args: Parameters<SqlDriverAdapter["startTransaction"]>
  ): Promise<Transaction> => {
    const transaction = await originalStartTransaction(...args);
    patchCharColumns(transaction);
    return transaction;
  };
  return adapter;
}
