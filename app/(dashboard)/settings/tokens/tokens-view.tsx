"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { TableScroll } from "@/components/ui/table-scroll";
import { accessResources, useOwnAccess, type AccessDecision } from "@/lib/queries/access-check";
import {
  DEFAULT_TOKEN_FILTERS,
  tokenFiltersFromSearchParams,
  tokenFiltersToSearchParams,
  useTokens,
  type TokenListFilters,
} from "@/lib/queries/tokens";
import type { TokenResponse } from "@/lib/schemas/token";
import { GuardedButton } from "@/components/ui/guarded-button";
import { CreateTokenDialog } from "./_components/create-token-dialog";
import { DeleteTokenDialog } from "./_components/delete-token-dialog";
import { EditTokenDialog } from "./_components/edit-token-dialog";
import { ResetTokenDialog } from "./_components/reset-token-dialog";
import { tokenAccessChecks } from "./_components/token-access";
import { TokenListToolbar } from "./_components/token-list-toolbar";
import { TokenRow } from "./_components/token-row";

type Open = { kind: "create" } | { kind: "edit" | "reset" | "delete"; token: TokenResponse } | null;

const COLUMNS = ["Name", "Access", "Token", "Type", "Created", "Last used", "Expires"];

function isFiltered(filters: TokenListFilters): boolean {
  return (
    filters.q !== DEFAULT_TOKEN_FILTERS.q ||
    filters.type !== DEFAULT_TOKEN_FILTERS.type ||
    filters.expiring ||
    filters.unused
  );
}

export function TokensView({ memberId }: { memberId: string }) {
  const pathname = usePathname();
  const urlQuery = useSearchParams().toString();
  // The URL is the one place the list's search, filters, order and page live: reloaded or shared, it shows the same.
  // A change is shown at once, before Next.js passes the rewritten URL on (a checkbox would otherwise flick back).
  const [changed, setChanged] = useState<{ from: string; to: string } | null>(null);
  const query =
    changed !== null && (urlQuery === changed.from || urlQuery === changed.to) ? changed.to : urlQuery;
  const filters = tokenFiltersFromSearchParams(new URLSearchParams(query));
  const tokens = useTokens(filters);
  const items = tokens.data?.items ?? [];
  const total = tokens.data?.totalCount ?? 0;
  const access = useOwnAccess(tokenAccessChecks(memberId, items));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);

  const show = (changes: Partial<TokenListFilters>) => {
    // From the address bar, not this render: a second change before the re-render builds on the first.
    const current = tokenFiltersFromSearchParams(new URLSearchParams(window.location.search));
    const next = tokenFiltersToSearchParams({ ...current, offset: 0, ...changes }).toString();
    window.history.replaceState(null, "", next === "" ? pathname : `${pathname}?${next}`);
    setChanged({ from: urlQuery, to: next });
  };

  const service = access.lookup("createAccessToken", accessResources.anyServiceToken);
  const personal = access.lookup("createAccessToken", accessResources.anyPersonalToken(memberId));
  const create: AccessDecision | undefined =
    service === undefined || personal === undefined
      ? undefined
      : service.allowed || personal.allowed
        ? { allowed: true, reason: service.allowed ? service.reason : personal.reason }
        : service;
  const highlightedShown = items.some((token) => token._id === highlightId);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Access tokens</h1>
          <p className="text-sm text-slate-500">
            Tools and scripts authenticate with these. Give each one only the access it needs.
          </p>
        </div>
        <GuardedButton decision={create} reasonVisible onClick={() => setOpen({ kind: "create" })}>
          Create token
        </GuardedButton>
      </div>
      <TokenListToolbar key={filters.q} filters={filters} onChange={show} />
      {notice ? (
        <p role="status" className="text-sm text-green-700">
          {notice}
          {highlightId !== null && !highlightedShown && tokens.data ? (
            <>
              {" "}
              It is not on this page of the list.{" "}
              <button
                type="button"
                className="text-indigo-700 underline"
                onClick={() => show(DEFAULT_TOKEN_FILTERS)}
              >
                Show the newest tokens
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {tokens.isPending ? <LoadingState /> : null}
      {tokens.isError ? <ErrorState error={tokens.error} /> : null}
      {tokens.data && items.length === 0 ? (
        <EmptyState title={isFiltered(filters) ? "No token matches" : "No access tokens yet"}>
          {isFiltered(filters)
            ? "Change the search or the filters to see more."
            : "Create one for each tool that calls the API."}
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <TableScroll label="Token table" className="p-4 shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Access tokens</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="pr-3 pb-2 font-medium">
                    {column}
                  </th>
                ))}
                <th scope="col" className="pb-2 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((token) => (
                <TokenRow
                  key={token._id}
                  token={token}
                  highlighted={token._id === highlightId}
                  decide={(action) => access.lookup(action, accessResources.token(token))}
                  onOpen={(kind) => {
                    setNotice(null);
                    setOpen({ kind, token });
                  }}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {total > filters.limit || filters.offset > 0 ? (
        <nav aria-label="Token pages" className="flex items-center justify-between text-sm">
          <span>
            {items.length === 0 ? 0 : filters.offset + 1}–{filters.offset + items.length} of {total}
          </span>
          <div className="flex gap-2">
            <Button
              variant="secondary"
              disabled={filters.offset === 0}
              onClick={() => show({ offset: Math.max(0, filters.offset - filters.limit) })}
            >
              Previous
            </Button>
            <Button
              variant="secondary"
              disabled={filters.offset + filters.limit >= total}
              onClick={() => show({ offset: filters.offset + filters.limit })}
            >
              Next
            </Button>
          </div>
        </nav>
      ) : null}

      {open?.kind === "create" && service && personal ? (
        <CreateTokenDialog
          service={service}
          personal={personal}
          onClose={() => setOpen(null)}
          onCreated={(token) => {
            setHighlightId(token._id);
            setNotice(`Token ${token.name} created.`);
          }}
        />
      ) : null}
      {open?.kind === "edit" ? (
        <EditTokenDialog
          token={open.token}
          accessDecision={access.lookup("updateAccessTokenPolicy", accessResources.token(open.token))}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === "reset" ? <ResetTokenDialog token={open.token} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "delete" ? (
        <DeleteTokenDialog
          token={open.token}
          onClose={() => setOpen(null)}
          onDeleted={() => {
            setNotice(`Token ${open.token.name} deleted.`);
            setOpen(null);
          }}
        />
      ) : null}
    </div>
  );
}
