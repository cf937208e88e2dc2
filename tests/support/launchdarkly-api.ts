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
import { startTestApiServer, type TestApiServer } from "@/tests/support/api-server";

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

export type LaunchDarklyApiServer = TestApiServer & {
  /** LaunchDarkly's client, unchanged, authenticating with `token` (sent as the raw `Authorization` header). */
  clientsFor: (token: string, options?: ClientOptions) => LaunchDarklyClients;
};

/**
 * The app's routes behind a real HTTP server on 127.0.0.1 (tests/support/api-server.ts), and LaunchDarkly's published API
 * client (`launchdarkly-api-typescript`) pointed at it.
 */
export async function startLaunchDarklyApi(): Promise<LaunchDarklyApiServer> {
  const server = await startTestApiServer();
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
