/**
 * The part of `oidc-provider` (no types of its own) that the tests' identity provider uses: tests/support/oidc-provider.ts.
 */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export type AccountClaims = { sub: string } & Record<string, unknown>;

  export type Account = { accountId: string; claims: () => AccountClaims | Promise<AccountClaims> };

  export type ClientMetadata = {
    client_id: string;
    client_secret: string;
    redirect_uris: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
  };

  export interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export type GrantConstructor = new (properties: { accountId: string; clientId: string }) => Grant;

  export type KoaContextWithOidc = {
    oidc: {
      provider: { Grant: GrantConstructor & { find(id: string): Promise<Grant | undefined> } };
      client?: { clientId: string };
      session?: { accountId?: string };
    };
  };

  export type Configuration = {
    clients: ClientMetadata[];
    findAccount: (
      context: KoaContextWithOidc,
      id: string,
    ) => Account | undefined | Promise<Account | undefined>;
    claims?: Record<string, string[]>;
    cookies?: { keys: string[] };
    jwks?: { keys: JsonWebKey[] };
    features?: Record<string, { enabled: boolean }>;
    ttl?: Record<string, number>;
    loadExistingGrant?: (context: KoaContextWithOidc) => Promise<Grant | undefined>;
    renderError?: (
      context: { type: string; body: string },
      out: Record<string, string>,
      error: Error,
    ) => void;
  };

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: "server_error", listener: (context: unknown, error: Error) => void): this;
  }
}
