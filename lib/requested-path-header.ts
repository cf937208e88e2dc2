/**
 * The request header proxy.ts sets to the page the browser asked for (it overwrites whatever a client sent), so a
 * dashboard page that needs a sign-in can send the browser back there afterwards.
 */
export const REQUESTED_PATH_HEADER = "x-tributary-requested-path";
