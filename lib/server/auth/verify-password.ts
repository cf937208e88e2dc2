import "server-only";
import bcrypt from "bcryptjs";

/**
 * A bcrypt hash of a random password nobody knows, at the cost members' passwords are hashed with (create-member.ts,
 * ensure-owner.ts: 10). Comparing an unknown email's password against it takes as long as a member's, so the answer's
 * timing does not tell which emails belong to members.
 */
const UNKNOWN_MEMBER_HASH = "$2b$10$78R3cxBzEmtL6Wk19.DXiey79SIUDDWErVVHz4NNFyZp6SWy8xKdW";

/** Whether `password` matches `passwordHash`; for no member (null) always false, after the same bcrypt work. */
export async function verifyPassword(password: string, passwordHash: string | null): Promise<boolean> {
  const matches = await bcrypt.compare(password, passwordHash ?? UNKNOWN_MEMBER_HASH);
  return passwordHash !== null && matches;
}
