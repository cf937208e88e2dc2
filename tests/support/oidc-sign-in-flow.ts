import { callAuthRoute, cookiePairs, csrf } from "@/tests/support/auth-route";
import type { OidcTestProvider } from "@/tests/support/oidc-provider";

/** Cookies of one site, by name (paths ignored: the provider's cookie names do not repeat across its paths). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(headers: Headers): void {
    this.storePairs(cookiePairs(headers));
  }

  /** `name=value` pairs; an empty value deletes the cookie, as a browser does with an expired one. */
  storePairs(pairs: string[]): void {
    for (const pair of pairs) {
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

const MAX_PROVIDER_STEPS = 10;

/**
 * The identity provider's part, as a browser does it: follows its redirects, fills in its login form as `login` (any
 * password) and returns where it finally sends the browser back to the app.
 */
async function signInAtProvider(provider: OidcTestProvider, authorizationUrl: string, login: string) {
  const jar = new CookieJar();
  let request: { url: string; init: RequestInit } = { url: authorizationUrl, init: {} };
  for (let step = 0; step < MAX_PROVIDER_STEPS; step++) {
    const response = await fetch(request.url, {
      ...request.init,
      redirect: "manual",
      headers: { ...(request.init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.store(response.headers);
    const location = response.headers.get("location");
    if (location !== null) {
      const next = new URL(location, request.url);
      if (next.origin !== provider.issuer) return next;
      request = { url: next.href, init: {} };
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (response.status !== 200 || action === undefined || !page.includes('name="login"')) {
      throw new Error(`unexpected identity provider page (${response.status}): ${page.slice(0, 300)}`);
    }
    request = {
      url: new URL(action, request.url).href,
      init: {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ prompt: "login", login, password: "any-password" }).toString(),
      },
    };
  }
  throw new Error("the identity provider never sent the browser back");
}

/**
 * A whole single sign-on through next-auth's route (in-process) and the provider (over HTTP): the sign-in page's POST,
 * the provider's login form, then the provider's redirect back to the app's callback. Returns where the app sends the
 * browser at the end (the callback URL, or the sign-in page with `error`) and the session cookie when signed in.
 */
export async function signInThroughSso(provider: OidcTestProvider, login: string, callbackUrl = "/projects") {
  const app = new CookieJar();
  const { csrfToken, cookie } = await csrf();
  app.storePairs(cookie.split("; "));
  const start = await callAuthRoute({
    path: "signin/oidc",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: app.header() },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }).toString(),
  });
  app.store(start.headers);
  const authorizationUrl = (start.json as { url: string }).url;
  if (!authorizationUrl.startsWith(provider.issuer))
    throw new Error(`not sent to the provider: ${authorizationUrl}`);

  const back = await signInAtProvider(provider, authorizationUrl, login);
  const finish = await callAuthRoute({
    path: `${back.pathname.replace(/^\/api\/auth\//, "")}${back.search}`,
    headers: { cookie: app.header() },
  });
  const location = finish.headers.get("location");
  const sessionCookie = cookiePairs(finish.headers).find((pair) =>
    pair.startsWith("next-auth.session-token="),
  );
  return {
    status: finish.status,
    callbackHost: back.origin,
    location,
    error: location === null ? null : new URL(location, "http://app.invalid").searchParams.get("error"),
    sessionCookie: sessionCookie ?? null,
  };
}
