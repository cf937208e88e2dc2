import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { accessCheckKeys } from "@/lib/queries/access-check";
import { TOKEN_LIST_LIMIT, tokenKeys, tokenListPath } from "@/lib/queries/tokens";
import { checkAccessBatch } from "@/lib/server/access/check-access-batch";
import { toCollection } from "@/lib/server/api/collection";
import { requireSession } from "@/lib/server/auth/require-session";
import { listTokens } from "@/lib/server/tokens/list-tokens";
import { tokenAccessChecks } from "./_components/token-access";
import { TokensView } from "./tokens-view";

export const metadata = { title: "Access tokens · Tributary" };

export default async function TokensPage() {
  const principal = await requireSession();
  const queryClient = new QueryClient();
  const page = { limit: TOKEN_LIST_LIMIT, offset: 0 };
  // A member who may not list tokens gets the API's message from the view instead of a prefetched list.
  const tokens = await listTokens(principal, { showAll: true, ...page }).catch(() => null);
  if (tokens) {
    queryClient.setQueryData(
      tokenKeys.list(),
      toCollection(tokens.items, tokens.totalCount, { url: new URL(tokenListPath, "http://local"), ...page }),
    );
  }
  const checks = tokenAccessChecks(principal.member.id, tokens?.items ?? []);
  queryClient.setQueryData(accessCheckKeys.own(checks), checkAccessBatch(principal, { checks }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TokensView memberId={principal.member.id} />
    </HydrationBoundary>
  );
}
