import { isAxiosError } from "axios";
import { afterAll, beforeAll } from "vitest";
import {
  AccessTokensApi,
  AccountMembersApi,
  AuditLogApi,
  Configuration,
  CustomRolesApi,
  EnvironmentsApi,
  IntegrationsBetaApi,
  OtherApi,
  PersistentStoreIntegrationsBetaApi,
  ProjectsApi,
  SegmentsApi,
} from "launchdarkly-api-typescript";
import { createTestToken } from "@/tests/factories/tokens";
import { discoverApiRoutes } from "@/tests/support/api-routes";
import { startRouteServer, type RouteServer, type ServedRoute } from "@/tests/support/route-server";

/** The `*Api` classes of LaunchDarkly's own client, each configured with one token against the test server. */
export type LaunchDarklyClients = {
  configuration: Configuration;
  accessTokens: AccessTokensApi;
  accountMembers: AccountMembersApi;
  auditLog: AuditLogApi;
  customRoles: CustomRolesApi;
  environments: EnvironmentsApi;
  projects: ProjectsApi;
  segments: SegmentsApi;
  persistentStoreIntegrations: PersistentStoreIntegrationsBetaApi;
  integrations: IntegrationsBetaApi;
  other: OtherApi;
};

export type ClientOptions = {
  /** Sent as `LD-API-Version` on every request, as a client pins its version (LaunchDarkly asks `beta` for beta APIs). */
  apiVersion?: string;
};

export type LaunchDarklyApiServer = RouteServer & {
  /** LaunchDarkly's client, unchanged, authenticating with `token` (sent as the raw `Authorization` header). */
  clientsFor: (token: string, options?: ClientOptions) => LaunchDarklyClients;
};

/** A catch-all route (`[...path]`) answers paths no other route serves; the test server answers those itself. */
function isCatchAll(path: string): boolean {
  return path.includes("[...");
}

/** Static segments before `{param}` ones at the first place two paths differ, as Next.js picks between them. */
function compareSpecificity(left: ServedRoute, right: ServedRoute): number {
  const leftSegments = left.path.split("/");
  const rightSegments = right.path.split("/");
  for (let index = 0; index < Math.min(leftSegments.length, rightSegments.length); index += 1) {
    const leftParam = leftSegments[index]?.startsWith("{") ?? false;
    const rightParam = rightSegments[index]?.startsWith("{") ?? false;
    if (leftParam !== rightParam) return leftParam ? 1 : -1;
  }
  return 0;
}

/**
 * Every `app/api/**` route of the app (found on disk, so a new route is served without editing this file) behind a real
 * HTTP server on 127.0.0.1, and LaunchDarkly's published API client (`launchdarkly-api-typescript`) pointed at it.
 */
export async function startLaunchDarklyApi(): Promise<LaunchDarklyApiServer> {
  const routes: ServedRoute[] = (await discoverApiRoutes())
    .filter((route) => !isCatchAll(route.path))
    .map((route) => ({ path: route.path, module: route.handlers }))
    .sort(compareSpecificity);
  const server = await startRouteServer(routes);
  return {
    ...server,
    clientsFor(token, options = {}) {
      const configuration = new Configuration({
        apiKey: token,
        basePath: server.origin,
        baseOptions:
          options.apiVersion === undefined
            ? undefined
            : { headers: { "LD-API-Version": options.apiVersion } },
      });
      return {
        configuration,
        accessTokens: new AccessTokensApi(configuration),
        accountMembers: new AccountMembersApi(configuration),
        auditLog: new AuditLogApi(configuration),
        customRoles: new CustomRolesApi(configuration),
        environments: new EnvironmentsApi(configuration),
        projects: new ProjectsApi(configuration),
        segments: new SegmentsApi(configuration),
        persistentStoreIntegrations: new PersistentStoreIntegrationsBetaApi(configuration),
        integrations: new IntegrationsBetaApi(configuration),
        other: new OtherApi(configuration),
      };
    },
  };
}

export type FailedCall = { status: number; body: unknown };

/** The status and body of a client call that must fail (axios rejects every non-2xx answer); a success fails the test. */
export async function failureOf(call: Promise<unknown>): Promise<FailedCall> {
  try {
    await call;
  } catch (error) {
    if (isAxiosError(error) && error.response)
      return { status: error.response.status, body: error.response.data };
    throw error;
  }
  throw new Error("the call succeeded, but the test expected it to fail");
}

export type LaunchDarklyTestApi = { server: LaunchDarklyApiServer; client: LaunchDarklyClients };

/**
 * One test file's API server (started before its tests, closed after them) and LaunchDarkly's client holding a new token
 * of `role`; read `server` and `client` inside tests, once `beforeAll` has run.
 */
export function useLaunchDarklyClient(
  role: "reader" | "writer" | "admin",
  options: ClientOptions = {},
): LaunchDarklyTestApi {
  const api = {} as LaunchDarklyTestApi;
  beforeAll(async () => {
    api.server = await startLaunchDarklyApi();
    api.client = api.server.clientsFor((await createTestToken({ role })).value, options);
  });
  afterAll(() => api.server.close());
  return api;
}
