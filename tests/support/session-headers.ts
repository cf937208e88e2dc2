import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { prisma } from "@/lib/server/db";

const ORIGIN = "http://localhost:3000";

/**
 * A fresh dashboard session of a member (a real next-auth cookie of the member's current session version), with the
 * headers a browser sends on a write from this site.
 */
export async function sessionHeaders(memberId: string): Promise<Record<string, string>> {
  const secret = env().NEXTAUTH_SECRET;
  if (secret === undefined) throw new Error("NEXTAUTH_SECRET is not set");
  const { sessionVersion } = await prisma.member.findUniqueOrThrow({
    where: { id: memberId },
    select: { sessionVersion: true },
  });
  const jwt = await encode({ token: { sub: memberId, sessionVersion }, secret });
  return { cookie: `next-auth.session-token=${jwt}`, origin: ORIGIN, host: new URL(ORIGIN).host };
}
