"use client";

import { useState } from "react";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { accessResources, useOwnAccess, type AccessDecision } from "@/lib/queries/access-check";
import { useTokens } from "@/lib/queries/tokens";
import type { TokenResponse } from "@/lib/schemas/token";
import { DateTime, useDaysUntil } from "@/components/time/date-time";
import { GuardedButton } from "@/components/ui/guarded-button";
import { CreateTokenDialog } from "./_components/create-token-dialog";
import { DeleteTokenDialog } from "./_components/delete-token-dialog";
import { EditTokenDialog } from "./_components/edit-token-dialog";
import { ResetTokenDialog } from "./_components/reset-token-dialog";
import { tokenAccessChecks } from "./_components/token-access";
import { describeTokenAccess } from "./_components/token-presets";

const EXPIRY_WARNING_DAYS = 7;

type Open = { kind: "create" } | { kind: "edit" | "reset" | "delete"; token: TokenResponse } | null;

function ExpiryCell({ expiresAt }: { expiresAt: number | null }) {
  const days = useDaysUntil(expiresAt);
  if (expiresAt === null) return <span className="text-slate-500">Never</span>;
  return (
    <span className="flex flex-col items-start gap-1">
      <DateTime epochMs={expiresAt} style="date" />
      {days !== null && days <= 0 ? (
        <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">Expired</span>
      ) : null}
      {days !== null && days > 0 && days <= EXPIRY_WARNING_DAYS ? (
        <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">
          Expires in {Math.ceil(days)} day{Math.ceil(days) === 1 ? "" : "s"}
        </span>
      ) : null}
    </span>
  );
}

function TokenRow({
  token,
  decide,
  onOpen,
}: {
  token: TokenResponse;
  decide: (action: string) => AccessDecision | undefined;
  onOpen: (kind: "edit" | "reset" | "delete") => void;
}) {
  const access = describeTokenAccess(token);
  return (
    <tr aria-label={`Token ${token.name}`} className="border-t border-slate-100 align-top">
      <td className="py-2 pr-3">
        <p className="font-medium text-slate-900">{token.name}</p>
        {token.description ? <p className="text-xs text-slate-500">{token.description}</p> : null}
      </td>
      <td className="py-2 pr-3">
        <p>{access.label}</p>
        {access.detail ? (
          <p className="max-w-56 text-xs break-words text-slate-500">{access.detail}</p>
        ) : null}
      </td>
      <td className="py-2 pr-3 font-mono text-xs" data-testid="token-ending">
        …{token.token.slice(-4)}
      </td>
      <td className="py-2 pr-3">
        {token.serviceToken ? (
          "Service"
        ) : (
          <>
            Personal
            <span className="block text-xs text-slate-500">{token._member.email}</span>
          </>
        )}
      </td>
      <td className="py-2 pr-3">
        <DateTime epochMs={token.creationDate} style="date" />
      </td>
      <td className="py-2 pr-3" data-testid="token-last-used">
        {token.lastUsed === undefined ? (
          <span className="text-slate-500">Never</span>
        ) : (
          <DateTime epochMs={token.lastUsed} style="relative" />
        )}
      </td>
      <td className="py-2 pr-3">
        <ExpiryCell expiresAt={token.expiresAt ?? null} />
      </td>
      <td className="py-2">
        <div className="flex flex-wrap justify-end gap-1">
          <GuardedButton
            variant="ghost"
            decision={decide("updateAccessTokenName")}
            onClick={() => onOpen("edit")}
          >
            Edit
          </GuardedButton>
          <GuardedButton
            variant="secondary"
            decision={decide("resetAccessToken")}
            onClick={() => onOpen("reset")}
          >
            Reset
          </GuardedButton>
          <GuardedButton
            variant="danger"
            decision={decide("deleteAccessToken")}
            onClick={() => onOpen("delete")}
          >
            Delete
          </GuardedButton>
        </div>
      </td>
    </tr>
  );
}

export function TokensView({ memberId }: { memberId: string }) {
  const tokens = useTokens();
  const items = tokens.data?.items ?? [];
  const access = useOwnAccess(tokenAccessChecks(memberId, items));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const service = access.lookup("createAccessToken", accessResources.anyServiceToken);
  const personal = access.lookup("createAccessToken", accessResources.anyPersonalToken(memberId));
  const create: AccessDecision | undefined =
    service === undefined || personal === undefined
      ? undefined
      : service.allowed || personal.allowed
        ? { allowed: true, reason: service.allowed ? service.reason : personal.reason }
        : service;

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
      {notice ? (
        <p role="status" className="text-sm text-green-700">
          {notice}
        </p>
      ) : null}
      {tokens.isPending ? <LoadingState /> : null}
      {tokens.isError ? <ErrorState error={tokens.error} /> : null}
      {tokens.data && items.length === 0 ? (
        <EmptyState title="No access tokens yet">Create one for each tool that calls the API.</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Access tokens</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Name
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Access
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Token
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Type
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Created
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Last used
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Expires
                </th>
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
                  decide={(action) => access.lookup(action, accessResources.token(token))}
                  onOpen={(kind) => {
                    setNotice(null);
                    setOpen({ kind, token });
                  }}
                />
              ))}
            </tbody>
          </table>
          {tokens.data && tokens.data.totalCount > items.length ? (
            <p className="mt-3 text-xs text-slate-500">
              Showing the first {items.length} of {tokens.data.totalCount} tokens.
            </p>
          ) : null}
        </div>
      ) : null}

      {open?.kind === "create" && service && personal ? (
        <CreateTokenDialog service={service} personal={personal} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === "edit" ? <EditTokenDialog token={open.token} onClose={() => setOpen(null)} /> : null}
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
