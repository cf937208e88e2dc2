import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { acquireMembershipWriteSlot } from "./membership-write-slots";

describe("membership write slots", () => {
  it("lets one transaction per core in and the next ones in turn as slots are given back", async () => {
    const limit = Math.max(2, availableParallelism());
    const held = await Promise.all(Array.from({ length: limit }, () => acquireMembershipWriteSlot()));
    const order: number[] = [];
    const waiting = [1, 2].map((index) =>
      acquireMembershipWriteSlot().then((release) => {
        order.push(index);
        return release;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);

    held[0]?.();
    held[0]?.(); // a second release of the same slot changes nothing
    const first = await waiting[0];
    expect(order).toEqual([1]);
    held[1]?.();
    const second = await waiting[1];
    expect(order).toEqual([1, 2]);

    for (const release of [...held.slice(2), first, second]) release?.();
    // Every slot is free again: as many as the limit get in at once.
    const again = await Promise.all(Array.from({ length: limit }, () => acquireMembershipWriteSlot()));
    for (const release of again) release();
  });
});
