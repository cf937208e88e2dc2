import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Account, type KoaContextWithOidc } from "oidc-provider";

/** A person the identity provider knows: signs in on its login form with `login` (any password). */
export type OidcTestAccount = {
  login: string;
  /** Left out of the claims when undefined. */
  email?: string;
  /** The `email_verified` claim as sent; left out when undefined. */
  emailVerified?: boolean | string;
  givenName?: string;
  familyName?: string;
};

export type OidcTestProviderOptions = {
  /** 0 (the default): a free port. */
  port?: number;
  /** Where the client may be sent back to, e.g. `<app>/api/auth/callback/oidc`. */
  redirectUris: string[];
  accounts?: OidcTestAccount[];
  clientId?: string;
  clientSecret?: string;
};

export type OidcTestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces a person (by login) while the provider runs. */
  addAccount: (account: OidcTestAccount) => void;
  stop: () => Promise<void>;
};

const SCOPES = "openid email profile";
/** Long enough for any test, short enough not to matter; set so the provider does not warn about its defaults. */
const ARTIFACT_TTL_SECONDS = 600;
const EXPIRING_ARTIFACTS = ["Interaction", "Grant", "Session", "AccessToken", "IdToken"];

function accountClaims(account: OidcTestAccount): Record<string, unknown> {
  return {
    ...(account.email !== undefined && { email: account.email }),
    ...(account.emailVerified !== undefined && { email_verified: account.emailVerified }),
    ...(account.givenName !== undefined && { given_name: account.givenName }),
    ...(account.familyName !== undefined && { family_name: account.familyName }),
  };
}

/** A first-party app: the person is not asked to consent, as a company's identity provider does for its own tools. */
async function grantAppAccess(context: KoaContextWithOidc) {
  const accountId = context.oidc.session?.accountId;
  const clientId = context.oidc.client?.clientId;
  if (accountId === undefined || clientId === undefined) return undefined;
  const grant = new context.oidc.provider.Grant({ accountId, clientId });
  grant.addOIDCScope(SCOPES);
  await grant.save();
  return grant;
}

/**
 * A real OpenID Connect provider (`oidc-provider`, its own login form) on 127.0.0.1, with one confidential client for the
 * app. Subjects are the accounts' logins; claims are served from the userinfo endpoint, as oidc-provider does by default.
 */
export async function startOidcProvider(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
  const accounts = new Map((options.accounts ?? []).map((account) => [account.login, account]));
  const clientId = options.clientId ?? "tributary";
  const clientSecret = options.clientSecret ?? randomBytes(24).toString("base64url");
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris }],
    findAccount: (_context, id): Account | undefined => {
      const account = accounts.get(id);
      return account && { accountId: id, claims: () => ({ sub: id, ...accountClaims(account) }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["given_name", "family_name"] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    jwks: { keys: [{ ...signingKey, use: "sig", alg: "RS256" }] },
    features: { devInteractions: { enabled: true } },
    loadExistingGrant: grantAppAccess,
    ttl: Object.fromEntries(EXPIRING_ARTIFACTS.map((artifact) => [artifact, ARTIFACT_TTL_SECONDS])),
  });
  handle = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount: (account) => accounts.set(account.login, account),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
