import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type UpdateCohortSegmentSettingsParams = {
  segmentId: number;
  name: string;
  externalLink: string | null;
  /** The cohort name the tool sent last. */
  externalName: string | null;
  /** The name changed: `version` and `updated_at` move only then. */
  renamed: boolean;
  now: Date;
};

/** A cohort segment's name, link and the tool's name for it as a sync sets them. */
export const updateCohortSegmentSettingsStatement = sqlStatement<UpdateCohortSegmentSettingsParams>(
  "tributary_update_cohort_segment_settings",
  { segmentId: "", name: "", externalLink: "", externalName: "", renamed: "", now: "" },
  (p) => `UPDATE segment
     SET name = ${p.name},
         external_link = ${p.externalLink},
         external_name = ${p.externalName},
         version = version + CASE WHEN ${p.renamed} THEN 1 ELSE 0 END,
         updated_at = CASE WHEN ${p.renamed} THEN ${p.now} ELSE updated_at END
     WHERE id = ${p.segmentId}`,
);
