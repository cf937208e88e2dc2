"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { formText } from "@/lib/form-value";
import { useCreateRole, useUpdateRole } from "@/lib/queries/roles";
import type { Policy } from "@/lib/schemas/policy";
import type { RoleResponse } from "@/lib/schemas/role";
import { formatPolicy, PolicyEditor, usePolicyText } from "../../_components/policy-editor";
import { TestAccessBox } from "./test-access-box";

const STARTER_POLICY: Policy = [
  { effect: "allow", actions: ["viewSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
];

const POLICY_HINT =
  'Statements {"effect", "actions" or "notActions", "resources" or "notResources"}; an explicit deny wins. Resources such as proj/*:env/production:segment/*, role/*, service-token/*. LaunchDarkly\'s other actions and resource types (importEventData, proj/*:metric/*...) are accepted and grant nothing here.';

/** Creates a role (`role` absent) or edits one; the key never changes once created. */
export function RoleEditorDialog({ role, onClose }: { role?: RoleResponse; onClose: () => void }) {
  const create = useCreateRole();
  const update = useUpdateRole();
  const mutation = role ? update : create;
  const policy = usePolicyText(formatPolicy(role?.policy ?? STARTER_POLICY));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!policy.result.ok) return;
    const form = new FormData(event.currentTarget);
    const description = formText(form, "description").trim();
    const settings = {
      name: formText(form, "name"),
      description: description === "" ? null : description,
      policy: policy.result.policy,
    };
    if (role) update.mutate({ key: role.key, ...settings }, { onSuccess: onClose });
    else create.mutate({ key: formText(form, "key"), ...settings }, { onSuccess: onClose });
  }

  return (
    <Dialog
      title={role ? `Edit role "${role.key}"` : "Create a custom role"}
      description="Members and tokens that hold the role get its access at once. You cannot grant more than you have."
      onClose={onClose}
      size="lg"
    >
      <form className="flex flex-col gap-4" onSubmit={onSubmit}>
        <div className="grid gap-3 sm:grid-cols-2">
          {role ? null : (
            <Field
              label="Key"
              name="key"
              required
              maxLength={256}
              pattern="[A-Za-z0-9._\-]+"
              hint="Letters, digits, . _ -; it never changes."
              autoComplete="off"
            />
          )}
          <Field
            label="Name"
            name="name"
            required
            maxLength={256}
            defaultValue={role?.name}
            autoComplete="off"
          />
          <Field
            label="Description"
            name="description"
            maxLength={1024}
            defaultValue={role?.description ?? ""}
            autoComplete="off"
          />
        </div>
        <PolicyEditor
          label="Policy (JSON)"
          text={policy.text}
          onChange={policy.setText}
          result={policy.result}
          hint={POLICY_HINT}
        />
        <TestAccessBox
          policy={policy.result.ok ? policy.result.policy : null}
          policyText={policy.text}
          policyName={role?.key ?? "this role"}
        />
        {mutation.isError ? <ErrorState error={mutation.error} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={mutation.isPending || !policy.result.ok}>
            {mutation.isPending ? "Saving…" : role ? "Save role" : "Create role"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
