import type { IntegrationDefinition } from "@/lib/server/sync/integrations/types";

export const heapInbound: IntegrationDefinition = {
  key: "heap-inbound",
  name: "Heap",
  docsUrl: "https://launchdarkly.com/docs/home/flags/heap",
  mode: "B",
  environmentId: "/parameters/environment_id",
  cohortId: "/heap/data/segment/id",
  cohortName: "/heap/data/segment/name",
  cohortDescription: ["/heap/data/segment/cohortDescription", "/heap/data/segment/description"],
  members: {
    add: "/heap/data/add",
    remove: "/heap/data/remove",
    id: "/id",
  },
  // Heap reads a JSON answer instead of 204 and its own error shape (api-contract §3; ids are keys, §7).
  response: {
    success: {
      status: 200,
      body: {
        kind: "object",
        properties: {
          projectId: { kind: "field", field: "projectKey" },
          environmentId: { kind: "field", field: "environmentKey" },
          segmentId: { kind: "field", field: "segmentKey" },
          segmentUrl: { kind: "field", field: "segmentUrl" },
          status: { kind: "literal", value: "success" },
        },
      },
    },
    // LaunchDarkly's template: `code` is the HTTP status, and the ids are there as far as the push had found them.
    failure: {
      body: {
        kind: "object",
        properties: {
          projectId: { kind: "field", field: "projectKey" },
          environmentId: { kind: "field", field: "environmentKey" },
          segmentId: { kind: "field", field: "segmentKey" },
          segmentUrl: { kind: "field", field: "segmentUrl" },
          status: { kind: "literal", value: "failure" },
          error: {
            kind: "object",
            properties: {
              message: { kind: "field", field: "message" },
              code: { kind: "field", field: "status" },
            },
          },
        },
      },
    },
  },
};
