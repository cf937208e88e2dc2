import { createServer, type Socket } from "node:net";

export type RecordingListener = {
  port: number;
  /** Everything every connection sent, in arrival order. */
  received: () => string;
  connections: () => number;
  close: () => Promise<void>;
};

/**
 * A TCP listener on 127.0.0.1 standing in for a server a store could be pointed at: it records what arrives and answers
 * every chunk with `reply` (a Redis error by default), so a client learns at once that it talks to no usable Redis.
 */
export async function startRecordingListener(
  reply: (chunk: string) => string = () => "-ERR not a redis server\r\n",
): Promise<RecordingListener> {
  let data = "";
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    socket.on("data", (chunk) => {
      data += chunk.toString("utf8");
      socket.end(reply(chunk.toString("utf8")));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    received: () => data,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
