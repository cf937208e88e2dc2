import { prisma } from "@/lib/server/db";
import { unique } from "@/tests/factories/unique";
import {
  environmentParams,
  freshSegment,
  RENAME,
  segmentPath,
} from "@/tests/integration/authz-matrix/fixtures";
import type { MatrixRow } from "@/tests/integration/authz-matrix/principals";

/** Segments themselves, their tags and the sync runs. */
// Columns:              none unkn expd deld | rdr  sync env  amp  wri  adm  down | own  adm  wri  rdr  no   del  forg xsite
export const SEGMENT_ROWS: readonly MatrixRow[] = [
  {
    route: "POST /api/v2/segment-tags/{projectKey}/{environmentKey}",
    request: async ({ world }) => ({
      path: `/api/v2/segment-tags/${world.projectKey}/production`,
      params: environmentParams(world),
      body: { keys: [(await freshSegment(world)).key], add: ["vip"] },
    }),
    expect: "401 401 401 401 | 403 404 200 404 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/segment-tags/{projectKey}/{environmentKey}",
    variant: "amplitude segments",
    request: async ({ world }) => ({
      path: `/api/v2/segment-tags/${world.projectKey}/production`,
      params: environmentParams(world),
      body: { keys: [(await freshSegment(world, "amplitude")).key], add: ["vip"] },
    }),
    expect: "401 401 401 401 | 403 404 200 200 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/segment-tags/{projectKey}/{environmentKey}",
    request: ({ world }) => ({
      path: `/api/v2/segment-tags/${world.projectKey}/production`,
      params: environmentParams(world),
    }),
    expect: "401 401 401 401 | 200 404 200 200 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/use-tool-name",
    variant: "an amplitude segment renamed by hand",
    request: async ({ world }) => {
      const segment = await freshSegment(world, "amplitude");
      await prisma.segment.update({
        where: { id: segment.id },
        data: {
          external: "amplitude",
          externalCohortId: segment.key,
          externalName: "Tool",
          nameEditedByHand: true,
        },
      });
      return { ...segmentPath(world, segment.key, "/use-tool-name"), body: {} };
    },
    expect: "401 401 401 401 | 403 404 200 200 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    request: ({ world }) => segmentPath(world, world.segmentKey),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    variant: "an amplitude segment",
    request: ({ world }) => segmentPath(world, world.amplitudeSegmentKey),
    expect: "401 401 401 401 | 200 404 200 200 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "PATCH /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    request: async ({ world }) => ({ ...segmentPath(world, (await freshSegment(world)).key), body: RENAME }),
    expect: "401 401 401 401 | 403 404 200 404 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route: "PATCH /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    variant: "an amplitude segment",
    request: async ({ world }) => ({
      ...segmentPath(world, (await freshSegment(world, "amplitude")).key),
      body: RENAME,
    }),
    expect: "401 401 401 401 | 403 404 200 200 200 200 403 | 200 200 200 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    request: async ({ world }) => segmentPath(world, (await freshSegment(world)).key),
    expect: "401 401 401 401 | 403 404 204 404 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "DELETE /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}",
    variant: "an amplitude segment",
    request: async ({ world }) => segmentPath(world, (await freshSegment(world, "amplitude")).key),
    expect: "401 401 401 401 | 403 404 204 204 204 204 403 | 204 204 204 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}/{segmentKey}/syncs",
    request: ({ world }) => segmentPath(world, world.segmentKey, "/syncs"),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/segments/{projectKey}/{environmentKey}",
    request: ({ world }) => ({
      path: `/api/v2/segments/${world.projectKey}/production`,
      params: environmentParams(world),
    }),
    expect: "401 401 401 401 | 200 404 200 200 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}",
    request: ({ world }) => ({
      path: `/api/v2/segments/${world.projectKey}/production`,
      params: environmentParams(world),
      body: { key: unique("new"), name: "New" },
    }),
    expect: "401 401 401 401 | 403 201 201 404 201 201 403 | 201 201 201 403 404 401 401 403",
  },
  {
    route: "POST /api/v2/segments/{projectKey}/{environmentKey}",
    variant: "an amplitude segment",
    request: ({ world }) => ({
      path: `/api/v2/segments/${world.projectKey}/production`,
      params: environmentParams(world),
      body: { key: unique("amplitude"), name: "New" },
    }),
    expect: "401 401 401 401 | 403 201 201 201 201 201 403 | 201 201 201 403 404 401 401 403",
  },
  {
    route: "GET /api/v2/syncs",
    request: ({ world }) => ({
      path: `/api/v2/syncs?projectKey=${world.projectKey}&environmentKey=production`,
      params: {},
    }),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/syncs/stats",
    request: ({ world }) => ({
      path: `/api/v2/syncs/stats?projectKey=${world.projectKey}&environmentKey=production`,
      params: {},
    }),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
  {
    route: "GET /api/v2/rejected-pushes",
    request: ({ world }) => ({
      path: `/api/v2/rejected-pushes?projectKey=${world.projectKey}&environmentKey=production`,
      params: {},
    }),
    expect: "401 401 401 401 | 200 404 200 404 200 200 200 | 200 200 200 200 404 401 401 200",
  },
];
