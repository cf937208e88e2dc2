import { buildOpenApiDocument } from "@/lib/server/openapi/build-openapi-document";

export const metadata = { title: "API docs · Tributary" };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

type Operation = {
  summary?: string;
  tags?: string[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};

function operationOf(item: unknown, method: string): Operation | null {
  if (typeof item !== "object" || item === null || !Object.hasOwn(item, method)) return null;
  const value: unknown = Reflect.get(item, method);
  return typeof value === "object" && value !== null ? value : null;
}

export default function ApiDocsPage() {
  const document = buildOpenApiDocument();
  const paths = Object.entries(document.paths ?? {});
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="text-sm text-slate-500">
          Generated from the same schemas the server validates with. Machine-readable:{" "}
          <a className="text-indigo-700 underline" href="/api/openapi.json">
            /api/openapi.json
          </a>
          .
        </p>
      </div>
      {paths.map(([path, item]) => (
        <section
          key={path}
          aria-label={path}
          className="rounded-lg border border-slate-200 bg-white shadow-sm"
        >
          {METHODS.map((method) => {
            const operation = operationOf(item, method);
            if (!operation) return null;
            return (
              <details key={method} className="border-b border-slate-100 p-4 last:border-b-0">
                <summary className="cursor-pointer">
                  <span className="mr-2 inline-block w-16 rounded bg-slate-800 px-2 py-0.5 text-center font-mono text-xs uppercase text-white">
                    {method}
                  </span>
                  <code className="text-sm">{path}</code>
                  <span className="ml-3 text-sm text-slate-500">{operation.summary}</span>
                </summary>
                <div className="mt-3 grid gap-3 text-xs">
                  {operation.requestBody ? (
                    <div>
                      <h3 className="font-semibold">Request body</h3>
                      <pre
                        className="mt-1 overflow-x-auto rounded bg-slate-50 p-2"
                        tabIndex={0}
                        role="region"
                        aria-label={`${method.toUpperCase()} ${path} request body`}
                      >
                        {JSON.stringify(operation.requestBody, null, 2)}
                      </pre>
                    </div>
                  ) : null}
                  <div>
                    <h3 className="font-semibold">Responses</h3>
                    <p>{Object.keys(operation.responses ?? {}).join(", ")}</p>
                  </div>
                </div>
              </details>
            );
          })}
        </section>
      ))}
      <section
        className="rounded-lg border border-slate-200 bg-white p-4 text-xs shadow-sm"
        aria-label="Schemas"
      >
        <h2 className="text-base font-semibold">Schemas</h2>
        <pre className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Schema definitions">
          {JSON.stringify(document.components?.schemas ?? {}, null, 2)}
        </pre>
      </section>
    </div>
  );
}
