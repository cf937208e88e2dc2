import type { Segment } from "@/lib/generated/prisma/client";
import type { SegmentResponse } from "@/lib/schemas/segment";
import { segmentDataAge } from "@/lib/server/data-age/segment-data-age";

/** The columns the response needs: a full `Segment` row fits, and so does a narrower select. */
export type SegmentRow = Pick<
  Segment,
  | "key"
  | "name"
  | "description"
  | "tags"
  | "version"
  | "generation"
  | "unbounded"
  | "unboundedContextKind"
  | "external"
  | "externalLink"
  | "externalName"
  | "nameEditedByHand"
  | "descriptionEditedByHand"
  | "tagsEditedByHand"
  | "includedCount"
  | "excludedCount"
  | "membershipLastModified"
  | "lastSyncAt"
  | "lastSyncStatus"
  | "createdAt"
  | "updatedAt"
>;

export type SegmentLocation = { projectKey: string; environmentKey: string };

/** Context keys of a list-based segment; unbounded segments never list theirs. */
export type SegmentTargets = { included: string[]; excluded: string[] };

function segmentPath(location: SegmentLocation, segmentKey: string): string {
  return `/api/v2/segments/${encodeURIComponent(location.projectKey)}/${encodeURIComponent(
    location.environmentKey,
  )}/${encodeURIComponent(segmentKey)}`;
}

export function serializeSegment(
  segment: SegmentRow,
  location: SegmentLocation,
  targets: SegmentTargets = { included: [], excluded: [] },
): SegmentResponse {
  const listed = segment.unbounded ? { included: [], excluded: [] } : targets;
  return {
    key: segment.key,
    name: segment.name,
    // LaunchDarkly omits what a segment lacks rather than answering null (its client's models say string/number).
    ...(segment.description === null ? {} : { description: segment.description }),
    tags: segment.tags,
    creationDate: segment.createdAt.getTime(),
    lastModifiedDate: segment.updatedAt.getTime(),
    version: segment.version,
    generation: segment.generation,
    deleted: false,
    unbounded: segment.unbounded,
    unboundedContextKind: segment.unboundedContextKind,
    included: listed.included,
    excluded: listed.excluded,
    rules: [],
    ...(segment.external === null ? {} : { _external: segment.external }),
    ...(segment.externalLink === null ? {} : { _externalLink: segment.externalLink }),
    ...(segment.externalName === null ? {} : { _externalName: segment.externalName }),
    _unboundedMetadata: {
      includedCount: segment.includedCount,
      excludedCount: segment.excludedCount,
      ...(segment.membershipLastModified === null
        ? {}
        : { lastModified: segment.membershipLastModified.getTime() }),
    },
    _lastSync:
      segment.lastSyncAt === null || segment.lastSyncStatus === null
        ? null
        : { at: segment.lastSyncAt.getTime(), status: segment.lastSyncStatus },
    _dataAge: segmentDataAge(segment, Date.now()),
    _editedByHand: {
      name: segment.nameEditedByHand,
      description: segment.descriptionEditedByHand,
      tags: segment.tagsEditedByHand,
    },
    _links: { self: { href: segmentPath(location, segment.key), type: "application/json" } },
  };
}
