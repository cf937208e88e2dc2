import "server-only";
import type { QueryConfig } from "pg";

/** Each parameter's cast (`"::int[]"`, or `""` for none); the object's key order numbers the parameters. */
export type ParameterCasts<P> = { readonly [K in keyof P]-?: string };

/** Each parameter's placeholder with its cast (`$3::int[]`), to write into the SQL text. */
export type Placeholders<P> = { readonly [K in keyof P]-?: string };

export type SqlStatement<P> = {
  readonly name: string;
  readonly text: string;
  /** The statement with these parameters, ready for `pg`'s `client.query` (prepared once per connection by its name). */
  query: (params: P) => QueryConfig<unknown[]>;
  /** The values alone, in the order of their placeholders. */
  values: (params: P) => unknown[];
};

/**
 * A raw SQL statement whose parameters are the named fields of `P` instead of `$n` counted by hand: `casts` lists every
 * field once (the compiler checks that none is missing), in the order that numbers them, and `text` writes the SQL with
 * their placeholders. Calling the statement with a `P` gives the values in that same order.
 */
export function sqlStatement<P extends object>(
  name: string,
  casts: ParameterCasts<P>,
  text: (placeholders: Placeholders<P>) => string,
): SqlStatement<P> {
  const keys = Object.keys(casts) as (keyof P & string)[];
  const placeholders = Object.fromEntries(
    keys.map((key, index) => [key, `$${index + 1}${casts[key]}`]),
  ) as Placeholders<P>;
  const sql = text(placeholders);
  const values = (params: P): unknown[] => keys.map((key) => params[key]);
  return { name, text: sql, query: (params) => ({ name, text: sql, values: values(params) }), values };
}
