import { ApiReference } from "@/components/api-docs/api-reference";
import { buildOpenApiDocument } from "@/lib/server/openapi/build-openapi-document";

export const metadata = { title: "API docs · Tributary" };

/** The document's only security scheme; the reference itself sends no requests, so the page explains it. */
const SECURITY_SCHEME = "ApiToken";

/** Markdown's `code` spans as <code>, the rest as text (the scheme's description uses nothing else). */
function withCodeSpans(text: string) {
  return text.split("`").map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

function securitySchemeDescription(): string {
  const scheme = buildOpenApiDocument().components?.securitySchemes?.[SECURITY_SCHEME];
  return scheme && "description" in scheme ? (scheme.description ?? "") : "";
}

export default function ApiDocsPage() {
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="text-sm text-slate-600">
          Generated from the same schemas the server validates with. Machine-readable:{" "}
          <a className="text-indigo-700 underline" href="/api/openapi.json">
            /api/openapi.json
          </a>
          .
        </p>
      </div>
      <section
        aria-labelledby="api-authentication"
        className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      >
        <h2 id="api-authentication" className="text-base font-semibold">
          Authentication
        </h2>
        <p className="mt-1">
          Operations marked <em>Auth Required</em> use the <code>{SECURITY_SCHEME}</code> scheme: an access
          token in the <code>Authorization</code> header, with or without the <code>Bearer</code> prefix.
        </p>
        <p className="mt-1 break-words">{withCodeSpans(securitySchemeDescription())}</p>
      </section>
      <ApiReference />
    </div>
  );
}
