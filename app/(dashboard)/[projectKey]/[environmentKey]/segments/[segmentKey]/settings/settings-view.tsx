"use client";

import { useCallback, useState } from "react";
import type { z } from "zod";
import { IntegrationBadge } from "@/components/segments/integration-badge";
import { PermissionNotice, type PermissionCheck } from "@/components/permission-notice";
import { parseTagText, tagCompletions } from "@/components/segments/tag-text";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { UnsavedChangesGuard } from "@/components/ui/unsaved-changes-guard";
import type { AccessDecision } from "@/lib/queries/access-check";
import { integrationNames, useIntegrations } from "@/lib/queries/integrations";
import {
  useSegment,
  useSegmentTags,
  useUpdateSegmentDescription,
  useUpdateSegmentName,
  useUpdateSegmentTags,
} from "@/lib/queries/segments";
import { nameSchema } from "@/lib/schemas/common";
import { segmentDescriptionSchema } from "@/lib/schemas/segment";
import type { Parsed } from "./_components/setting-card";
import { DangerZone } from "./_components/danger-zone";
import { SettingCard } from "./_components/setting-card";
import { ToolNameNote } from "./_components/tool-name-note";

export type SettingsPermissions = Record<"name" | "description" | "tags" | "delete", AccessDecision> & {
  /** The segment's resource name, tags included, that the decisions are about. */
  resource: string;
  environmentName: string;
};

const PERMISSION_NOTICE_ID = "segment-settings-permissions";

function permissionChecks(permissions: SettingsPermissions | null): PermissionCheck[] {
  if (permissions === null) return [];
  const { resource } = permissions;
  return [
    { action: "updateName", resource, decision: permissions.name },
    { action: "updateDescription", resource, decision: permissions.description },
    { action: "updateTags", resource, decision: permissions.tags },
    { action: "deleteSegment", resource, decision: permissions.delete },
  ];
}

type Props = {
  projectKey: string;
  environmentKey: string;
  segmentKey: string;
  /** Null when the segment could not be read on the server: the view then shows the API's error. */
  permissions: SettingsPermissions | null;
};

function parseWith<V>(schema: z.ZodType<V>, input: unknown): Parsed<V> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: result.error.issues[0]?.message ?? "is not valid" };
}

type Field = "name" | "description" | "tags";

/** Which settings hold a draft not saved yet, so that leaving the page can ask first. */
function useDrafts() {
  const [drafts, setDrafts] = useState<ReadonlySet<Field>>(new Set());
  const mark = useCallback((field: Field, dirty: boolean) => {
    setDrafts((current) => {
      if (current.has(field) === dirty) return current;
      const next = new Set(current);
      if (dirty) next.add(field);
      else next.delete(field);
      return next;
    });
  }, []);
  const trackName = useCallback((dirty: boolean) => mark("name", dirty), [mark]);
  const trackDescription = useCallback((dirty: boolean) => mark("description", dirty), [mark]);
  const trackTags = useCallback((dirty: boolean) => mark("tags", dirty), [mark]);
  return { drafts, trackName, trackDescription, trackTags };
}

export function SettingsView({ projectKey, environmentKey, segmentKey, permissions }: Props) {
  const location = { projectKey, environmentKey, segmentKey };
  const segment = useSegment(location);
  const integrations = useIntegrations();
  const updateName = useUpdateSegmentName(location);
  const updateDescription = useUpdateSegmentDescription(location);
  const updateTags = useUpdateSegmentTags(location);
  const knownTags = useSegmentTags(location).data?.items;
  const { drafts, trackName, trackDescription, trackTags } = useDrafts();
  const guard = <UnsavedChangesGuard when={drafts.size > 0} what={`the ${[...drafts].join(", ")}`} />;
  if (segment.isPending) return <LoadingState />;
  if (segment.isError) return <ErrorState error={segment.error} />;
  const data = segment.data;
  const editedHere = (["name", "description", "tags"] as const).filter((field) => data._editedByHand[field]);
  const integrationName = data._external
    ? (integrationNames(integrations.data?.items).get(data._external) ?? data._external)
    : null;

  return (
    <div className="flex max-w-3xl flex-col gap-4">
      {guard}
      <PermissionNotice
        id={PERMISSION_NOTICE_ID}
        checks={permissionChecks(permissions)}
        names={{ environments: permissions ? { [environmentKey]: permissions.environmentName } : {} }}
      />
      {data._external ? (
        <div
          role="note"
          className="rounded-lg border border-indigo-200 bg-indigo-50 p-4 text-sm text-indigo-900"
        >
          <p className="flex items-center gap-2 font-medium">
            <IntegrationBadge integrationKey={data._external} name={integrationName ?? undefined} /> owns this
            segment&apos;s members.
          </p>
          <p className="mt-1">
            A name, description or tags saved here are yours from then on: later syncs from {integrationName}{" "}
            do not change them.
            {editedHere.length > 0
              ? ` Edited here so far: ${editedHere.join(", ")}.`
              : " Nothing has been edited here yet."}
          </p>
          {data._editedByHand.name ? (
            <ToolNameNote
              location={location}
              toolName={integrationName ?? data._external}
              externalName={data._externalName}
              decision={permissions?.name}
              explainedBy={PERMISSION_NOTICE_ID}
            />
          ) : null}
        </div>
      ) : null}
      <SettingCard
        location={location}
        field="name"
        title="Name"
        description="How people find this segment in the dashboard and in flag targeting."
        label="Segment name"
        current={data.name}
        toText={(name) => name}
        fromText={(text) => parseWith(nameSchema, text)}
        decision={permissions?.name}
        explainedBy={PERMISSION_NOTICE_ID}
        mutation={updateName}
        onDirtyChange={trackName}
      />
      <SettingCard
        location={location}
        field="description"
        title="Description"
        description="What the audience is and who owns it."
        label="Segment description"
        hint="Up to 1,024 characters; leave empty for none."
        multiline
        current={data.description ?? null}
        toText={(description) => description ?? ""}
        fromText={(text) => parseWith(segmentDescriptionSchema, text.trim() === "" ? null : text.trim())}
        decision={permissions?.description}
        explainedBy={PERMISSION_NOTICE_ID}
        mutation={updateDescription}
        onDirtyChange={trackDescription}
      />
      <SettingCard
        location={location}
        field="tags"
        title="Tags"
        description="Tags group segments in the list and can scope role policies (segment/*;tag)."
        label="Segment tags"
        hint="Comma-separated; letters, digits, '.', '_' and '-'; at most 50."
        current={data.tags}
        toText={(tags) => tags.join(", ")}
        fromText={parseTagText}
        suggestions={(text) => tagCompletions(text, knownTags ?? [])}
        decision={permissions?.tags}
        explainedBy={PERMISSION_NOTICE_ID}
        mutation={updateTags}
        onDirtyChange={trackTags}
      />
      <Card
        title="Key"
        description="The key identifies the segment in flag rules, SDKs, persistent stores and the partner's pushes, so it never changes. To use another key, create a new segment."
      >
        <label htmlFor="segment-key" className="sr-only">
          Segment key
        </label>
        <input
          id="segment-key"
          readOnly
          value={data.key}
          className="w-full rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 font-mono text-sm text-slate-700"
        />
      </Card>
      <DangerZone
        location={location}
        name={data.name}
        memberCount={data._unboundedMetadata.includedCount}
        synced={data._external !== undefined}
        decision={permissions?.delete}
        explainedBy={PERMISSION_NOTICE_ID}
      />
    </div>
  );
}
