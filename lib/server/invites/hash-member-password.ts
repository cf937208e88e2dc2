import "server-only";
import bcrypt from "bcryptjs";

/** bcrypt's cost for members' passwords, as sign-in's timing equaliser assumes (verify-password.ts). */
const PASSWORD_COST = 10;

export function hashMemberPassword(password: string): Promise<string> {
  return bcrypt.hash(password, PASSWORD_COST);
}
