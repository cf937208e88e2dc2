"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { TableScroll } from "@/components/ui/table-scroll";
import { accessResources, useOwnAccess } from "@/lib/queries/access-check";
import { usePasswordLinks } from "@/lib/queries/invites";
import { useTeamMembers } from "@/lib/queries/team-members";
import type { MemberResponse } from "@/lib/schemas/member";
import { DateTime } from "@/components/time/date-time";
import { GuardedButton } from "@/components/ui/guarded-button";
import { RemoveMemberDialog, TransferOwnershipDialog } from "./_components/confirm-member-dialog";
import { InviteMemberDialog } from "./_components/invite-member-dialog";
import { memberAccessChecks } from "./_components/member-access";
import { MemberAccessDialog } from "./_components/member-access-dialog";
import { MemberRowActions, type MemberDialogKind } from "./_components/member-row-actions";
import { LinkStatus } from "./_components/link-status";
import { IssueLinkDialog, RevokeInviteDialog } from "./_components/password-link-dialogs";

type Open = { kind: "invite" } | { kind: MemberDialogKind; member: MemberResponse } | null;

const ROLE_LABELS: Record<string, string> = {
  reader: "Reader",
  writer: "Writer",
  admin: "Admin",
  owner: "Owner",
  no_access: "No access",
};

function fullName(member: MemberResponse): string | null {
  const name = [member.firstName, member.lastName].filter(Boolean).join(" ");
  return name === "" ? null : name;
}

export function MembersView({ currentMember }: { currentMember: { id: string; role: string } }) {
  const router = useRouter();
  const members = useTeamMembers();
  const links = usePasswordLinks();
  const items = members.data?.items ?? [];
  const access = useOwnAccess(memberAccessChecks(items.map((member) => member._id)));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isOwner = currentMember.role === "owner";

  function show(next: Open) {
    setNotice(null);
    setOpen(next);
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Members</h1>
          <p className="text-sm text-slate-500">
            People who sign in to Tributary. Access is their built-in role plus any custom roles.
          </p>
        </div>
        <GuardedButton
          decision={access.lookup("createMember", accessResources.anyMember)}
          reasonVisible
          onClick={() => show({ kind: "invite" })}
        >
          Invite member
        </GuardedButton>
      </div>
      {notice ? (
        <p role="status" className="text-sm text-green-700">
          {notice}
        </p>
      ) : null}
      {members.isPending ? <LoadingState /> : null}
      {members.isError ? <ErrorState error={members.error} /> : null}
      {members.data && items.length === 0 ? <EmptyState title="No members to show" /> : null}
      {items.length > 0 ? (
        <TableScroll label="Member table" className="p-4 shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Members</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Email
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Name
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Role
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Custom roles
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Last sign-in
                </th>
                <th scope="col" className="pr-3 pb-2 font-medium">
                  Link
                </th>
                <th scope="col" className="pb-2 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((member) => {
                const self = member._id === currentMember.id;
                return (
                  <tr
                    key={member._id}
                    aria-label={`Member ${member.email}`}
                    className="border-t border-slate-100 align-top"
                  >
                    <td className="py-2 pr-3 font-medium text-slate-900">
                      {member.email}
                      {self ? <span className="ml-1 text-xs font-normal text-slate-500">(you)</span> : null}
                    </td>
                    <td className="py-2 pr-3 text-slate-600">{fullName(member) ?? "—"}</td>
                    <td className="py-2 pr-3">{ROLE_LABELS[member.role] ?? member.role}</td>
                    <td className="py-2 pr-3 text-slate-600">
                      {member.customRoleKeys.length > 0 ? member.customRoleKeys.join(", ") : "—"}
                    </td>
                    <td className="py-2 pr-3 text-slate-600">
                      {member._pendingInvite ? (
                        "Invited"
                      ) : member._lastSeen === 0 ? (
                        "Never"
                      ) : (
                        <DateTime epochMs={member._lastSeen} style="relative" />
                      )}
                    </td>
                    <td className="py-2 pr-3 text-slate-600">
                      <LinkStatus link={links.data?.items.find((link) => link.memberId === member._id)} />
                    </td>
                    <td className="py-2">
                      <div className="flex flex-wrap justify-end gap-1">
                        <MemberRowActions
                          member={member}
                          self={self}
                          viewerIsOwner={isOwner}
                          lookup={access.lookup}
                          onOpen={(kind) => show({ kind, member })}
                        />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {members.data && members.data.totalCount > items.length ? (
            <p className="mt-3 text-xs text-slate-500">
              Showing the first {items.length} of {members.data.totalCount} members.
            </p>
          ) : null}
        </TableScroll>
      ) : null}

      {open?.kind === "invite" ? <InviteMemberDialog onClose={() => setOpen(null)} /> : null}
      {open?.kind === "newLink" || open?.kind === "reset" ? (
        <IssueLinkDialog
          member={open.member}
          kind={open.kind === "newLink" ? "invite" : "reset"}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === "revoke" ? (
        <RevokeInviteDialog
          member={open.member}
          onClose={() => setOpen(null)}
          onRevoked={() => {
            setNotice(`The invite of ${open.member.email} is revoked.`);
            setOpen(null);
          }}
        />
      ) : null}
      {open?.kind === "access" ? (
        <MemberAccessDialog member={open.member} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === "remove" ? (
        <RemoveMemberDialog
          member={open.member}
          onClose={() => setOpen(null)}
          onRemoved={() => {
            setNotice(`Member ${open.member.email} removed.`);
            setOpen(null);
          }}
        />
      ) : null}
      {open?.kind === "transfer" ? (
        <TransferOwnershipDialog
          member={open.member}
          onClose={() => setOpen(null)}
          onTransferred={() => {
            setNotice(`${open.member.email} is now the owner; you are an admin.`);
            setOpen(null);
            // Who is the owner is read by the server page: fetch it again.
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
