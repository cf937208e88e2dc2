const SQL_STATE = /^[0-9A-Z]{5}$/;

function property(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null && name in value ? Reflect.get(value, name) : undefined;
}

function sqlStateIn(value: unknown): string | undefined {
  const code = property(value, "code");
  // pg's DatabaseError has `severity` next to its SQLSTATE `code`; Node's own codes (EPIPE) have no severity.
  if (typeof code === "string" && SQL_STATE.test(code) && property(value, "severity") !== undefined)
    return code;
  const original = property(value, "originalCode");
  return typeof original === "string" && SQL_STATE.test(original) ? original : undefined;
}

/**
 * PostgreSQL's SQLSTATE for a failed statement, from pg's error, or from Prisma's error through its driver adapter
 * (`meta.driverAdapterError.cause`), looking through a few `cause` links; undefined for anything else.
 */
export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    const adapterCause = property(property(property(current, "meta"), "driverAdapterError"), "cause");
    const found = sqlStateIn(current) ?? sqlStateIn(adapterCause) ?? sqlStateIn(property(current, "cause"));
    if (found !== undefined) return found;
    current = property(current, "cause");
  }
  return undefined;
}
