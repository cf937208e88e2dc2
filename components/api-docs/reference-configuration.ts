import type { ApiReferenceReact } from "@scalar/api-reference-react";
import type { ComponentProps } from "react";
import type { Theme } from "@/components/theme/theme";

export type ReferenceConfiguration = ComponentProps<typeof ApiReferenceReact>["configuration"];

/** Where the reference reads the document: the same static route API clients use, so there is one source. */
export const OPENAPI_DOCUMENT_URL = "/api/openapi.json";

/**
 * Scalar, configured to work offline and inside the dashboard: no telemetry, no web fonts, no AI agent or MCP links (all
 * would reach other hosts, which the CSP refuses anyway), no download button (the page links the raw document), and the
 * dashboard's theme instead of Scalar's own toggle. It is a reference, not a request client: Scalar's "Test Request"
 * panel (and the token box that belongs to it) is off; the page explains the ApiToken scheme itself.
 */
export function buildReferenceConfiguration(theme: Theme): ReferenceConfiguration {
  return {
    url: OPENAPI_DOCUMENT_URL,
    theme: "none",
    telemetry: false,
    withDefaultFonts: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: "never",
    documentDownloadType: "none",
    hideDarkModeToggle: true,
    darkMode: theme === "dark",
    forceDarkModeState: theme,
    hideTestRequestButton: true,
    hideClientButton: true,
  };
}
