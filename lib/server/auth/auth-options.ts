import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { authorizeCredentials } from "@/lib/server/auth/authorize-credentials";
import { endSignedOutSession } from "@/lib/server/auth/end-signed-out-session";
import { oidcNextAuthProvider } from "@/lib/server/auth/oidc-next-auth-provider";
import { oidcSettings } from "@/lib/server/auth/oidc-settings";
import { oidcSignInCallback } from "@/lib/server/auth/oidc-sign-in-callback";
import { sameOriginUrl } from "@/lib/server/auth/same-origin-url";

function headerText(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === "string" ? value : undefined;
}

function credentialsProvider() {
  return CredentialsProvider({
    id: "credentials",
    name: "Email and password",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
    },
    authorize: (credentials, req) =>
      authorizeCredentials(credentials, headerText(req.headers, "x-forwarded-for")),
  });
}

export function authOptions(): NextAuthOptions {
  const sso = oidcSettings();
  const passwordSignIn = env().TRIBUTARY_PASSWORD_SIGN_IN;
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    // Refusals land on the sign-in page, which says why in its own words (never next-auth's error page).
    pages: { signIn: "/login", error: "/login" },
    providers: [
      ...(sso ? [oidcNextAuthProvider(sso)] : []),
      // Without password sign-in there is no credentials provider: its callback answers 400 and checks no password.
      ...(passwordSignIn ? [credentialsProvider()] : []),
    ],
    callbacks: {
      signIn: (params) => oidcSignInCallback(sso, params),
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sessionVersion = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.sessionVersion = token.sessionVersion;
        }
        return session;
      },
      // After sign-in or sign-out, only ever back to this origin (next-auth's default misses "/\evil.example" forms).
      redirect({ url, baseUrl }) {
        return sameOriginUrl(url, baseUrl)?.href ?? baseUrl;
      },
    },
    events: {
      signOut: ({ token }) => endSignedOutSession(token),
    },
  };
}
