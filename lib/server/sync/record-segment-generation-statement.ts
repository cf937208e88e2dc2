import "server-only";
import { sqlStatement } from "@/lib/server/sql/sql-statement";

export type RecordSegmentGenerationParams = {
  environmentId: string;
  segmentKey: string;
  generation: number;
};

/** Records a segment key's newest generation (never moving it back), so a re-created segment gets a new store ref. */
export const recordSegmentGenerationStatement = sqlStatement<RecordSegmentGenerationParams>(
  "tributary_record_segment_generation",
  { environmentId: "", segmentKey: "", generation: "" },
  (
    p,
  ) => `INSERT INTO segment_generation (environment_id, key, generation) VALUES (${p.environmentId}, ${p.segmentKey}, ${p.generation})
     ON CONFLICT (environment_id, key) DO UPDATE SET generation = GREATEST(segment_generation.generation, EXCLUDED.generation)`,
);
