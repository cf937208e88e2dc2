/** An RFC 6901 JSON Pointer: `""` is the whole document, otherwise `/`-separated tokens (`~0` = `~`, `~1` = `/`). */
export type JsonPointer = "" | `/${string}`;

/** One pointer, or several tried in order: the first that leads to a value other than null wins. */
export type JsonPointerChoice = JsonPointer | readonly JsonPointer[];

export type IntegrationMode = "A" | "B" | "C";

/** Mode A: one array whose items each carry a member id and a boolean (`true` adds, `false` removes). */
export type ModeAMembers = {
  readonly array: JsonPointer;
  /** Relative to an item of `array`. */
  readonly id: JsonPointer;
  /** Relative to an item; must be a boolean. */
  readonly value: JsonPointer;
  /** Relative to an item; overrides the batch-level cohort, so one request may touch several cohorts. */
  readonly cohortId?: JsonPointerChoice;
  readonly cohortName?: JsonPointerChoice;
  readonly cohortUrl?: JsonPointerChoice;
  readonly cohortDescription?: JsonPointerChoice;
};

/** Mode B: separate arrays of members to add and to remove. */
export type ModeBMembers = {
  readonly add: JsonPointer;
  readonly remove: JsonPointer;
  /** Relative to an item of either array. */
  readonly id: JsonPointer;
};

/** Mode C: one array of members plus a batch-level action; an action fully matching `addPattern` adds, any other removes. */
export type ModeCMembers = {
  readonly array: JsonPointer;
  /** Relative to an item of `array`. */
  readonly id: JsonPointer;
  readonly action: JsonPointer;
  /** Source of a regular expression that must match the whole action. */
  readonly addPattern: string;
  /** The actions the tool sends to add and to remove (the example builder's; a test checks them against `addPattern`). */
  readonly addAction: string;
  readonly removeAction: string;
};

/** What a successful push can report back to a tool that wants an answer body. */
export type PartnerSuccessFields = {
  readonly projectKey: string;
  readonly environmentKey: string;
  readonly segmentKey: string;
  readonly segmentUrl: string;
};

/**
 * What a failed push can report back to a tool that wants its own error body: the error, and the segment's ids as far
 * as the push had found them before it failed.
 */
export type PartnerErrorFields = {
  readonly message: string;
  /** The HTTP status, as LaunchDarkly's Heap template sends it. */
  readonly status: number;
  readonly projectKey?: string;
  readonly environmentKey?: string;
  readonly segmentKey?: string;
  readonly segmentUrl?: string;
};

/** A JSON value built from literals and named fields; an object leaves out a property whose field has no value. */
export type ResponseTemplateNode<Field extends string> =
  | { readonly kind: "field"; readonly field: Field }
  | { readonly kind: "literal"; readonly value: string | number | boolean | null }
  | { readonly kind: "object"; readonly properties: Readonly<Record<string, ResponseTemplateNode<Field>>> };

/** An integration's own answer in place of 204 / the standard error body. */
export type ResponseTemplate = {
  readonly success: {
    readonly status: number;
    readonly body: ResponseTemplateNode<keyof PartnerSuccessFields>;
  };
  /** Sent with the error's own HTTP status. */
  readonly failure: {
    readonly body: ResponseTemplateNode<keyof PartnerErrorFields>;
  };
};

type IntegrationDefinitionBase = {
  /** The `{integrationKey}` of `POST /api/v2/segment-targets/{integrationKey}`; also the segment's `_external`. */
  readonly key: string;
  readonly name: string;
  readonly docsUrl: string;
  /** The environment's client-side ID. */
  readonly environmentId: JsonPointerChoice;
  readonly contextKind?: JsonPointerChoice;
  readonly cohortName?: JsonPointerChoice;
  readonly cohortUrl?: JsonPointerChoice;
  readonly cohortDescription?: JsonPointerChoice;
  readonly response?: ResponseTemplate;
};

export type ModeADefinition = IntegrationDefinitionBase & {
  readonly mode: "A";
  /** Batch-level cohort id; optional because the members may name their own. */
  readonly cohortId?: JsonPointerChoice;
  readonly members: ModeAMembers;
};

export type ModeBDefinition = IntegrationDefinitionBase & {
  readonly mode: "B";
  readonly cohortId: JsonPointerChoice;
  readonly members: ModeBMembers;
};

export type ModeCDefinition = IntegrationDefinitionBase & {
  readonly mode: "C";
  readonly cohortId: JsonPointerChoice;
  readonly members: ModeCMembers;
};

/** A partner's request format, as data: the one generic engine in `parse-partner-payload.ts` reads every integration. */
export type IntegrationDefinition = ModeADefinition | ModeBDefinition | ModeCDefinition;
