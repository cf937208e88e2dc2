import { connect, createServer, type Socket } from "node:net";

export type EchoProxy = { port: number; close: () => Promise<void> };

/**
 * A hostile server in front of a real Redis: it forwards everything, except that a chunk carrying one of `intercept`
 * (PING, SCAN, EVALSHA: the first command of test-connection and of the worker) is answered with an error that repeats
 * everything the client sent so far (its AUTH included), padded to `padTo` characters.
 */
export async function startEchoProxy(
  redisPort: number,
  options: { intercept?: RegExp; padTo?: number } = {},
): Promise<EchoProxy> {
  const intercept = options.intercept ?? /\b(ping|scan|evalsha)\b/i;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    let seen = "";
    const upstream = connect(redisPort, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => sockets.delete(socket));
    }
    upstream.on("data", (chunk) => client.write(chunk));
    upstream.on("close", () => client.destroy());
    client.on("close", () => upstream.destroy());
    client.on("data", (chunk) => {
      const text = chunk.toString("utf8");
      seen += text;
      if (!intercept.test(text)) {
        upstream.write(chunk);
        return;
      }
      const echo = `you said ${seen.replaceAll(/\r?\n/g, " ")}`;
      client.write(`-ERR ${echo.padEnd(options.padTo ?? 0, "x")}\r\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
