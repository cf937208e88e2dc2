import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { env, setEnv } from "@/lib/env";
import { checkSignInEnv, signInEnvFields } from "@/lib/env-sign-in";

const schema = z.object(signInEnvFields).superRefine(checkSignInEnv);

const SSO = {
  TRIBUTARY_OIDC_ISSUER: "https://idp.example.test/realms/corp",
  TRIBUTARY_OIDC_CLIENT_ID: "tributary",
  TRIBUTARY_OIDC_CLIENT_SECRET: "client-secret",
};

function problems(values: Record<string, string>): string[] {
  const parsed = schema.safeParse(values);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("sign-in settings", () => {
  it("default to password sign-in only, new people as readers", () => {
    expect(schema.parse({})).toEqual({
      TRIBUTARY_OIDC_ALLOWED_DOMAINS: [],
      TRIBUTARY_OIDC_DEFAULT_ROLE: "reader",
      TRIBUTARY_PASSWORD_SIGN_IN: true,
    });
  });

  it("read allowed domains as a lowercase list, without a leading @ or repeats", () => {
    const parsed = schema.parse({
      ...SSO,
      TRIBUTARY_OIDC_ALLOWED_DOMAINS: " Corp.Example , @eu.corp.example,,corp.example",
    });
    expect(parsed.TRIBUTARY_OIDC_ALLOWED_DOMAINS).toEqual(["corp.example", "eu.corp.example"]);
  });

  it.each(["*.corp.example", "corp", "corp.example/x", "ann@corp.example"])(
    "refuse %j as an allowed domain",
    (entry) => {
      expect(problems({ ...SSO, TRIBUTARY_OIDC_ALLOWED_DOMAINS: entry })).toEqual([
        `TRIBUTARY_OIDC_ALLOWED_DOMAINS: "${entry}" is not a domain name`,
      ]);
    },
  );

  it("never give new people the owner role, nor an unknown one", () => {
    for (const role of ["owner", "superuser"]) {
      expect(problems({ ...SSO, TRIBUTARY_OIDC_DEFAULT_ROLE: role })).toEqual([
        "TRIBUTARY_OIDC_DEFAULT_ROLE: must be reader, writer, admin, no_access (never owner: ownership is transferred)",
      ]);
    }
    expect(schema.parse({ ...SSO, TRIBUTARY_OIDC_DEFAULT_ROLE: "writer" }).TRIBUTARY_OIDC_DEFAULT_ROLE).toBe(
      "writer",
    );
  });

  it("need the issuer, client id and secret all set or none", () => {
    expect(problems({ TRIBUTARY_OIDC_ISSUER: SSO.TRIBUTARY_OIDC_ISSUER })).toEqual([
      "TRIBUTARY_OIDC_CLIENT_ID: single sign-on needs TRIBUTARY_OIDC_ISSUER, TRIBUTARY_OIDC_CLIENT_ID, TRIBUTARY_OIDC_CLIENT_SECRET all set (missing: TRIBUTARY_OIDC_CLIENT_ID, TRIBUTARY_OIDC_CLIENT_SECRET)",
    ]);
    expect(problems({ ...SSO, TRIBUTARY_OIDC_ISSUER: "ftp://idp.example.test" })).toEqual([
      "TRIBUTARY_OIDC_ISSUER: must be an http(s) URL",
    ]);
  });

  it("turn password sign-in off only when single sign-on is configured", () => {
    expect(problems({ TRIBUTARY_PASSWORD_SIGN_IN: "false" })).toEqual([
      "TRIBUTARY_PASSWORD_SIGN_IN: password sign-in can be turned off only when single sign-on (TRIBUTARY_OIDC_*) is configured",
    ]);
    expect(schema.parse({ ...SSO, TRIBUTARY_PASSWORD_SIGN_IN: "false" }).TRIBUTARY_PASSWORD_SIGN_IN).toBe(
      false,
    );
    expect(problems({ ...SSO, TRIBUTARY_PASSWORD_SIGN_IN: "no" })).toHaveLength(1);
  });
});

describe("env() at startup", () => {
  const saved = process.env.TRIBUTARY_PASSWORD_SIGN_IN;

  afterEach(() => {
    if (saved === undefined) delete process.env.TRIBUTARY_PASSWORD_SIGN_IN;
    else process.env.TRIBUTARY_PASSWORD_SIGN_IN = saved;
    setEnv("TRIBUTARY_LOG_LEVEL", process.env.TRIBUTARY_LOG_LEVEL ?? "info");
  });

  it("refuses to start with password sign-in off and no single sign-on", () => {
    for (const name of Object.keys(SSO)) delete process.env[name];
    setEnv("TRIBUTARY_PASSWORD_SIGN_IN", "false");
    expect(() => env()).toThrow(
      "Invalid environment: TRIBUTARY_PASSWORD_SIGN_IN: password sign-in can be turned off only when single sign-on",
    );
  });
});
