"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { useCheckPolicyAccess } from "@/lib/queries/access-check";
import { ACCESS_ACTIONS, LAUNCHDARKLY_ONLY_ACTIONS } from "@/lib/schemas/access-check";
import type { Policy } from "@/lib/schemas/policy";

const DEFAULT_RESOURCE = "proj/default:env/production:segment/example";

/**
 * Asks the API's own engine whether the policy being edited would allow an action on a resource, before it is saved.
 * Not a form of its own: it sits inside the role form, so Enter in its field runs the test instead of saving.
 */
export function TestAccessBox({
  policy,
  policyText,
  policyName,
}: {
  policy: Policy | null;
  policyText: string;
  policyName: string;
}) {
  const check = useCheckPolicyAccess();
  const [action, setAction] = useState("updateIncluded");
  const [resource, setResource] = useState(DEFAULT_RESOURCE);
  const [testedText, setTestedText] = useState<string | null>(null);
  const actionId = useId();
  const resourceId = useId();
  const result = check.data?.results[0];

  function run() {
    if (policy === null || resource.trim() === "") return;
    setTestedText(policyText);
    check.mutate({ policy, policyName, checks: [{ action, resource: resource.trim() }] });
  }

  return (
    <section
      aria-label="Test access"
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <div>
        <h3 className="text-sm font-semibold text-slate-800">Test access</h3>
        <p className="text-xs text-slate-500">
          Would this policy allow an action on a resource? Answered by the same engine the API enforces;
          nothing is saved.
        </p>
      </div>
      <div className="grid gap-2 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
        <div className="flex flex-col gap-1">
          <label htmlFor={actionId} className="text-xs font-medium text-slate-700">
            Action
          </label>
          <select
            id={actionId}
            value={action}
            onChange={(event) => setAction(event.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none"
          >
            <optgroup label="Checked by Tributary">
              {ACCESS_ACTIONS.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </optgroup>
            <optgroup label="LaunchDarkly only (grant nothing here)">
              {LAUNCHDARKLY_ONLY_ACTIONS.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={resourceId} className="text-xs font-medium text-slate-700">
            Resource
          </label>
          <input
            id={resourceId}
            value={resource}
            onChange={(event) => setResource(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                run();
              }
            }}
            spellCheck={false}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none"
          />
        </div>
        <Button
          variant="secondary"
          onClick={run}
          disabled={policy === null || check.isPending || resource.trim() === ""}
          title={policy === null ? "Fix the policy first" : undefined}
        >
          {check.isPending ? "Testing…" : "Test"}
        </Button>
      </div>
      {policy === null ? <p className="text-xs text-slate-500">Fix the policy above to test it.</p> : null}
      {check.isError ? <ErrorState error={check.error} /> : null}
      <div aria-live="polite">
        {result ? (
          <p
            data-testid="access-test-result"
            className={`rounded-md p-2 text-sm ${result.allowed ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}
          >
            <strong>{result.allowed ? "Allowed" : "Denied"}</strong>: {result.reason}
            {testedText !== policyText ? (
              <span className="block text-xs text-slate-600">
                The policy changed since this test: test again.
              </span>
            ) : null}
          </p>
        ) : null}
      </div>
    </section>
  );
}
