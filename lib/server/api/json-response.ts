/**
 * A JSON `Response` whose body stays a string until something reads it. Node.js 20 makes every web stream a transferable
 * object (about 10 µs each on the lookup route, per a CPU profile, plus a handle its young-generation collector keeps),
 * and a `Response` built from a string holds one from the start. The web server's hot routes write `bodyText` straight
 * to the socket; for everyone else (Next.js, tests) this reads as the ordinary Response it stands for.
 */
export class JsonResponse extends Response {
  readonly bodyText: string;
  #withBody: Response | undefined;

  constructor(data: unknown, init: ResponseInit = {}) {
    const headers = new Headers(init.headers);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    super(null, { ...init, headers });
    this.bodyText = JSON.stringify(data);
  }

  /** The same response with its body as a stream, made once, when something asks for the body. */
  #materialized(): Response {
    this.#withBody ??= new Response(this.bodyText, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
    return this.#withBody;
  }

  override get body(): Response["body"] {
    return this.#materialized().body;
  }

  override get bodyUsed(): boolean {
    return this.#withBody?.bodyUsed ?? false;
  }

  override text(): Promise<string> {
    return this.#materialized().text();
  }

  override json(): Promise<unknown> {
    return this.#materialized().json();
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#materialized().arrayBuffer();
  }

  override bytes(): ReturnType<Response["bytes"]> {
    return this.#materialized().bytes();
  }

  override blob(): Promise<Blob> {
    return this.#materialized().blob();
  }

  override formData(): Promise<FormData> {
    return this.#materialized().formData();
  }

  override clone(): Response {
    return this.#materialized().clone();
  }
}
