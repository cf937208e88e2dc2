import { describe, expect, it } from "vitest";
import { buildReferenceConfiguration, OPENAPI_DOCUMENT_URL } from "./reference-configuration";

describe("buildReferenceConfiguration", () => {
  it("follows the dashboard's theme and hides Scalar's own toggle", () => {
    expect(buildReferenceConfiguration("dark")).toMatchObject({
      darkMode: true,
      forceDarkModeState: "dark",
      hideDarkModeToggle: true,
    });
    expect(buildReferenceConfiguration("light")).toMatchObject({
      darkMode: false,
      forceDarkModeState: "light",
    });
  });

  it("reads the app's own document and turns off everything that would reach another host", () => {
    const configuration = buildReferenceConfiguration("light");
    expect(configuration).toMatchObject({
      url: OPENAPI_DOCUMENT_URL,
      telemetry: false,
      withDefaultFonts: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: "never",
    });
    expect(OPENAPI_DOCUMENT_URL.startsWith("/")).toBe(true);
    expect(configuration).not.toHaveProperty("proxyUrl");
  });

  it("documents requests without sending them from the page", () => {
    expect(buildReferenceConfiguration("light")).toMatchObject({
      hideTestRequestButton: true,
      hideClientButton: true,
    });
  });
});
