import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { acquireMembershipWriteSlot } from "./membership-write-slots";

const capacity = 2 * Math.max(2, availableParallelism());

/** Lets every pending callback run (a slot that could be granted now would be): no fixed wait. */
function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe("membership write slots", () => {
  it("lets one large transaction per core in, and the next ones in turn as they finish", async () => {
    const held = await Promise.all(Array.from({ length: capacity / 2 }, () => acquireMembershipWriteSlot()));
    const order: number[] = [];
    const waiting = [1, 2].map((index) =>
      acquireMembershipWriteSlot(50_000).then((release) => {
        order.push(index);
        return release;
      }),
    );
    await settled();
    expect(order).toEqual([]);

    held[0]?.();
    held[0]?.(); // a second release of the same share changes nothing
    const first = await waiting[0];
    expect(order).toEqual([1]);
    held[1]?.();
    const second = await waiting[1];
    expect(order).toEqual([1, 2]);

    for (const release of [...held.slice(2), first, second]) release?.();
    const again = await Promise.all(Array.from({ length: capacity / 2 }, () => acquireMembershipWriteSlot()));
    for (const release of again) release();
  });

  it("lets two small transactions per core in, and keeps a waiting large one ahead of later small ones", async () => {
    const small = await Promise.all(
      Array.from({ length: capacity }, () => acquireMembershipWriteSlot(1_000)),
    );
    const order: string[] = [];
    const large = acquireMembershipWriteSlot(10_000).then((release) => {
      order.push("large");
      return release;
    });
    const later = acquireMembershipWriteSlot(1_000).then((release) => {
      order.push("small");
      return release;
    });
    small[0]?.();
    await settled();
    // One unit is free: the large one needs two, and the small one behind it waits its turn.
    expect(order).toEqual([]);
    small[1]?.();
    const largeRelease = await large;
    expect(order).toEqual(["large"]);
    small[2]?.();
    const laterRelease = await later;
    expect(order).toEqual(["large", "small"]);
    for (const release of [...small.slice(3), largeRelease, laterRelease]) release();
  });
});
