/** The dashboard's fetcher: same-origin calls to the public API with the session cookie; errors carry the API's message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

function errorFields(body: unknown): { code: string; message: string } | null {
  if (typeof body !== "object" || body === null) return null;
  const code: unknown = Reflect.get(body, "code");
  const message: unknown = Reflect.get(body, "message");
  return typeof code === "string" && typeof message === "string" ? { code, message } : null;
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has("content-type"))
    headers.set("content-type", "application/json");
  const response = await fetch(path, { ...init, headers, credentials: "same-origin" });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const fields = errorFields(body);
    throw new ApiRequestError(
      response.status,
      fields?.code ?? "unknown",
      fields?.message ?? `Request failed with status ${response.status}`,
    );
  }
  return body as T;
}
