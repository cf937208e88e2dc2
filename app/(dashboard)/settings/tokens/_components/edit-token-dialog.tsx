"use client";

import { useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { formText } from "@/lib/form-value";
import type { AccessDecision } from "@/lib/queries/access-check";
import { useUpdateToken, type TokenAccessInput } from "@/lib/queries/tokens";
import { TOKEN_ROLES, type TokenResponse } from "@/lib/schemas/token";
import { formatPolicy, parsePolicyText } from "../../_components/policy-editor";
import { TokenAccessFields, type TokenAccessDraft } from "./token-access-fields";

function initialDraft(token: TokenResponse): Omit<TokenAccessDraft, "policy"> {
  const role = TOKEN_ROLES.find((item) => item === token.role);
  return {
    kind: token.role !== undefined ? "role" : "custom",
    role: role ?? "reader",
    customRoleIds: token.customRoleIds,
    policyText: formatPolicy(token.inlineRole ?? []),
  };
}

/** The access to send, or null when it is unchanged (a name edit then needs no right to change the policy) or invalid. */
function changedAccess(
  token: TokenResponse,
  draft: TokenAccessDraft,
): { access: TokenAccessInput | undefined; problem: string | null } {
  if (draft.kind === "role") {
    return token.role === draft.role
      ? { access: undefined, problem: null }
      : { access: { role: draft.role }, problem: null };
  }
  if (!draft.policy.ok) return { access: undefined, problem: "Fix the inline policy first." };
  const inlineRole = draft.policy.policy.length > 0 ? draft.policy.policy : null;
  const customRoleIds = [...draft.customRoleIds].sort();
  if (customRoleIds.length === 0 && inlineRole === null) {
    return { access: undefined, problem: "Choose a custom role or write a policy, or use a built-in role." };
  }
  const same =
    token.role === undefined &&
    JSON.stringify(customRoleIds) === JSON.stringify([...token.customRoleIds].sort()) &&
    JSON.stringify(inlineRole) === JSON.stringify(token.inlineRole ?? null);
  return { access: same ? undefined : { customRoleIds, inlineRole }, problem: null };
}

export function EditTokenDialog({
  token,
  onClose,
  accessDecision,
}: {
  token: TokenResponse;
  onClose: () => void;
  /** May the member change this token's role and policy (`updateAccessTokenPolicy`)? */
  accessDecision: AccessDecision | undefined;
}) {
  const update = useUpdateToken();
  const [fields, setFields] = useState(() => initialDraft(token));
  const policy = useMemo(() => parsePolicyText(fields.policyText), [fields.policyText]);
  const draft: TokenAccessDraft = { ...fields, policy };
  const { access, problem } = changedAccess(token, draft);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (problem !== null) return;
    const form = new FormData(event.currentTarget);
    const description = formText(form, "description").trim();
    update.mutate(
      {
        tokenId: token._id,
        name: formText(form, "name"),
        description: description === "" ? null : description,
        ...(access === undefined ? {} : { access }),
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Dialog title={`Edit "${token.name}"`} onClose={onClose} size="lg">
      <form className="flex flex-col gap-4" onSubmit={onSubmit}>
        <Field
          label="Name"
          name="name"
          required
          maxLength={256}
          defaultValue={token.name}
          autoComplete="off"
        />
        <Field
          label="Description"
          name="description"
          maxLength={1024}
          defaultValue={token.description ?? ""}
          autoComplete="off"
        />
        <TokenAccessFields
          draft={draft}
          onChange={(changes) => setFields((current) => ({ ...current, ...changes }))}
          decision={accessDecision}
        />
        {problem !== null ? <p className="text-sm text-red-700">{problem}</p> : null}
        {update.isError ? <ErrorState error={update.error} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={update.isPending || problem !== null}>
            {update.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
