import { readdirSync } from "node:fs";
import path from "node:path";

/** The data the sweep visits pages with: one synced segment with history, and one-time links for signed-out pages. */
export type SweepData = {
  /** `/default/production/segments/<key>` of a segment with several syncs, a partly applied one and a failed one. */
  segmentPath: string;
  /** A context key that is a member of that segment. */
  memberKey: string;
  /** `/invite/<secret>` and `/reset/<secret>`: links that still work. */
  invitePath: string;
  resetPath: string;
};

export type SweptPage = {
  /** Names the page's screenshots and findings. */
  name: string;
  /** The owner's session, or none (a fresh browser context) for the pages people use before signing in. */
  session: "owner" | "none";
  url: (data: SweepData) => string;
  /** A selector (inside <main>) of what the page shows only with the seeded data in it: its tables and charts are filled. */
  shows?: (data: SweepData) => string;
};

const FAILED_RUN_ROW = '[data-testid="sync-run-row"]:has-text("Failed")';

/**
 * Every page of the app, by its route pattern (`app/**\/page.tsx` with route groups left out and `[param]` as
 * `{param}`), and the URL that shows it with data. The unit test tests/unit/every-page-list.test.ts and the sweep
 * itself fail when a page on disk is missing here.
 */
export const EVERY_PAGE: Readonly<Record<string, SweptPage>> = {
  "/": { name: "home", session: "owner", url: () => "/" },
  "/docs/api": { name: "api-docs", session: "owner", url: () => "/docs/api" },
  "/projects": { name: "projects", session: "owner", url: () => "/projects" },
  "/projects/{projectKey}": {
    name: "project",
    session: "owner",
    url: () => "/projects/default",
  },
  "/settings/account": { name: "account", session: "owner", url: () => "/settings/account" },
  "/settings/audit": { name: "audit", session: "owner", url: () => "/settings/audit" },
  "/settings/members": {
    name: "members",
    session: "owner",
    url: () => "/settings/members",
    shows: () => "text=owner@e2e.test",
  },
  "/settings/roles": { name: "roles", session: "owner", url: () => "/settings/roles" },
  "/settings/tokens": { name: "tokens", session: "owner", url: () => "/settings/tokens" },
  "/{projectKey}/{environmentKey}/alerts": {
    name: "alerts",
    session: "owner",
    url: () => "/default/production/alerts",
  },
  "/{projectKey}/{environmentKey}/activity": {
    name: "activity",
    session: "owner",
    url: () => "/default/production/activity",
    shows: () => FAILED_RUN_ROW,
  },
  "/{projectKey}/{environmentKey}/segments": {
    name: "segments",
    session: "owner",
    url: () => "/default/production/segments",
  },
  "/{projectKey}/{environmentKey}/segments/{segmentKey}": {
    name: "segment-overview",
    session: "owner",
    url: (data) => data.segmentPath,
    shows: () => 'figure[aria-label="Member count over time"] svg.recharts-surface',
  },
  "/{projectKey}/{environmentKey}/segments/{segmentKey}/history": {
    name: "segment-history",
    session: "owner",
    url: (data) => `${data.segmentPath}/history`,
  },
  "/{projectKey}/{environmentKey}/segments/{segmentKey}/members": {
    name: "segment-members",
    session: "owner",
    url: (data) => `${data.segmentPath}/members`,
    shows: (data) => `role=cell[name="${data.memberKey}"]`,
  },
  "/{projectKey}/{environmentKey}/segments/{segmentKey}/settings": {
    name: "segment-settings",
    session: "owner",
    url: (data) => `${data.segmentPath}/settings`,
  },
  "/{projectKey}/{environmentKey}/segments/{segmentKey}/sync": {
    name: "segment-sync",
    session: "owner",
    url: (data) => `${data.segmentPath}/sync`,
    shows: () => FAILED_RUN_ROW,
  },
  "/{projectKey}/{environmentKey}/stores": {
    name: "stores",
    session: "owner",
    url: () => "/default/production/stores",
  },
  "/invite/{secret}": { name: "invite", session: "none", url: (data) => data.invitePath },
  "/login": { name: "login", session: "none", url: () => "/login" },
  "/reset/{secret}": { name: "reset", session: "none", url: (data) => data.resetPath },
};

/** The route pattern of every `page.tsx` under `appDir`, sorted. */
export function appPagePatterns(appDir = path.resolve("app")): string[] {
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((name) => path.basename(name) === "page.tsx")
    .map((name) => {
      const parts = path
        .dirname(name)
        .split(path.sep)
        .filter((part) => part !== "." && !/^\(.*\)$/.test(part))
        .map((part) => part.replace(/^\[([^\].]+)\]$/, "{$1}"));
      return `/${parts.join("/")}`;
    })
    .sort();
}
