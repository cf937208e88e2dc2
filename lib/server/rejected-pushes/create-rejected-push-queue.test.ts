import { describe, expect, it } from "vitest";
import { createRejectedPushQueue } from "@/lib/server/rejected-pushes/create-rejected-push-queue";
import type { Refusal } from "@/lib/server/rejected-pushes/refusal";

function refusal(overrides: Partial<Refusal> = {}): Refusal {
  const at = new Date("2026-12-08T00:00:00Z");
  return {
    integrationKey: "amplitude",
    status: 401,
    reasonCode: "unauthorized",
    message: "Invalid access token",
    token: null,
    environment: null,
    clientSideId: null,
    memberSample: [],
    count: 1,
    firstAt: at,
    lastAt: at,
    ...overrides,
  };
}

describe("the rejected-push queue", () => {
  it("writes after the caller returns, one at a time, and counts identical refusals waiting together as one", async () => {
    const written: Refusal[] = [];
    let writing = 0;
    let mostAtOnce = 0;
    const queue = createRejectedPushQueue({
      write: async (item) => {
        writing++;
        mostAtOnce = Math.max(mostAtOnce, writing);
        await new Promise((resolve) => setImmediate(resolve));
        written.push(item);
        writing--;
      },
      onWriteError: () => {},
      onDropped: () => {},
    });
    for (let sent = 0; sent < 5; sent++) queue.record(refusal());
    queue.record(refusal({ status: 400, reasonCode: "invalid_request" }));
    expect(written).toEqual([]);
    await queue.flush();
    expect(written.map((item) => [item.status, item.count])).toEqual([
      [401, 5],
      [400, 1],
    ]);
    expect(mostAtOnce).toBe(1);
  });

  it("drops new kinds of refusal past its bound and says how many; a failed write is reported and the rest go on", async () => {
    const written: string[] = [];
    const failed: string[] = [];
    const dropped: number[] = [];
    const queue = createRejectedPushQueue({
      write: (item) => {
        if (item.message === "boom") return Promise.reject(new Error("database down"));
        written.push(item.message);
        return Promise.resolve();
      },
      onWriteError: (_error, item) => failed.push(item.message),
      onDropped: (count) => dropped.push(count),
      maxQueued: 2,
    });
    queue.record(refusal({ message: "boom", clientSideId: "a" }));
    queue.record(refusal({ message: "kept", clientSideId: "b" }));
    queue.record(refusal({ message: "dropped", clientSideId: "c" }));
    queue.record(refusal({ message: "dropped too", clientSideId: "d", count: 2 }));
    await queue.flush();
    expect(failed).toEqual(["boom"]);
    expect(written).toEqual(["kept"]);
    expect(dropped).toEqual([3]);
    queue.record(refusal({ message: "after", clientSideId: "e" }));
    await queue.flush();
    expect(written).toEqual(["kept", "after"]);
  });
});
