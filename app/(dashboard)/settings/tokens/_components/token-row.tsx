"use client";

import { DateTime, useDaysUntil } from "@/components/time/date-time";
import { GuardedButton } from "@/components/ui/guarded-button";
import type { AccessDecision } from "@/lib/queries/access-check";
import { EXPIRING_SOON_DAYS } from "@/lib/queries/tokens";
import type { TokenResponse } from "@/lib/schemas/token";
import { describeTokenAccess } from "./token-presets";

function ExpiryCell({ expiresAt }: { expiresAt: number | null }) {
  const days = useDaysUntil(expiresAt);
  if (expiresAt === null) return <span className="text-slate-500">Never</span>;
  return (
    <span className="flex flex-col items-start gap-1">
      <DateTime epochMs={expiresAt} style="date" />
      {days !== null && days <= 0 ? (
        <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">Expired</span>
      ) : null}
      {days !== null && days > 0 && days <= EXPIRING_SOON_DAYS ? (
        <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">
          Expires in {Math.ceil(days)} day{Math.ceil(days) === 1 ? "" : "s"}
        </span>
      ) : null}
    </span>
  );
}

export function TokenRow({
  token,
  highlighted,
  decide,
  onOpen,
}: {
  token: TokenResponse;
  /** Just created: pointed out until the list changes. */
  highlighted: boolean;
  decide: (action: string) => AccessDecision | undefined;
  onOpen: (kind: "edit" | "reset" | "delete") => void;
}) {
  const access = describeTokenAccess(token);
  return (
    <tr
      aria-label={`Token ${token.name}`}
      data-highlighted={highlighted ? "true" : undefined}
      className={`border-t border-slate-100 align-top ${highlighted ? "bg-amber-50" : ""}`}
    >
      <td className="py-2 pr-3">
        <p className="font-medium text-slate-900">
          {token.name}
          {highlighted ? (
            <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-900">
              New
            </span>
          ) : null}
        </p>
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
