/** What one evaluation saw for one subject of a rule (a sync source, a segment, a store, the environment). */
export type AlertObservation = { subject: string; firing: boolean; summary: string };

/**
 * A rule's observations; `complete` when they cover every subject the rule could have, so an open incident whose
 * subject was not observed (a deleted segment, a store turned off) resolves.
 */
export type RuleObservations = { observations: AlertObservation[]; complete: boolean };

/** The part of an alert rule its evaluation reads. */
export type EvaluatedRule = {
  id: string;
  environmentId: string;
  kind: string;
  name: string;
  threshold: number | null;
  windowMinutes: number | null;
  segmentKey: string | null;
  expectedIntervalMinutes: number | null;
};
