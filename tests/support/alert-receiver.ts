import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedAlert = { headers: IncomingHttpHeaders; body: string };

/**
 * A real HTTP receiver for alert deliveries, on 127.0.0.1: records every request and answers with the next status of
 * `statuses` (200 once they run out). `hold()` keeps answers back until `release()`, to make a delivery slow on demand.
 */
export async function startAlertReceiver() {
  const received: ReceivedAlert[] = [];
  const statuses: number[] = [];
  let held: ServerResponse[] | null = null;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.statusCode = statuses.shift() ?? 200;
      if (held) held.push(response);
      else response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answerNext: (...next: number[]) => statuses.push(...next),
    hold: () => {
      held = [];
    },
    release: () => {
      for (const response of held ?? []) response.end("ok");
      held = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type AlertReceiver = Awaited<ReturnType<typeof startAlertReceiver>>;
