import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { accessCheckKeys } from "@/lib/queries/access-check";
import { tokenFiltersFromSearchParams, tokenKeys, tokenListPath } from "@/lib/queries/tokens";
import { tokenListQuerySchema } from "@/lib/schemas/token";
import { checkAccessBatch } from "@/lib/server/access/check-access-batch";
import { toCollection } from "@/lib/server/api/collection";
import { requireSession } from "@/lib/server/auth/require-session";
import { listTokens } from "@/lib/server/tokens/list-tokens";
import { tokenAccessChecks } from "./_components/token-access";
import { TokensView } from "./tokens-view";

export const metadata = { title: "Access tokens · Tributary" };

export default async function TokensPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requireSession();
  const filters = tokenFiltersFromSearchParams(await searchParams);
  const queryClient = new QueryClient();
  // The query the view will ask the API for, read by the route's own schema, so both lists are the same.
  const apiUrl = new URL(tokenListPath(filters), "http://local");
  const query = tokenListQuerySchema.parse(Object.fromEntries(apiUrl.searchParams));
  // A member who may not list tokens gets the API's message from the view instead of a prefetched list.
  const tokens = await listTokens(principal, query).catch(() => null);
  if (tokens) {
    queryClient.setQueryData(
      tokenKeys.list(filters),
      toCollection(tokens.items, tokens.totalCount, {
        url: apiUrl,
        limit: filters.limit,
        offset: filters.offset,
      }),
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
