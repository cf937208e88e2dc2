import type { Principal } from "@/lib/server/access/principal";

/** Who a sync run is attributed to: a token, or a member's dashboard session; null for the system (seed, import). */
export type SyncRunActor = {
  tokenId: string | null;
  tokenName: string | null;
  tokenEnding: string | null;
  memberEmail: string | null;
};

export function syncRunActor(principal: Principal | null): SyncRunActor {
  if (principal?.token) {
    const { id, name, ending } = principal.token;
    return { tokenId: id, tokenName: name, tokenEnding: ending, memberEmail: null };
  }
  return { tokenId: null, tokenName: null, tokenEnding: null, memberEmail: principal?.member.email ?? null };
}
