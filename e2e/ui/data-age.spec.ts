import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { startRedis, type RedisHandle } from "@/tests/support/start-redis";
import { expect, test } from "../fixtures";
import { clientSideId, pushRudderstack } from "../partner-push";

let redis: RedisHandle;

test.beforeAll(async () => {
  redis = await startRedis();
});

test.afterAll(async () => {
  await redis.stop();
});

test("a synced segment's data age and a store's marker age show beside their badges", async ({
  ownerPage: page,
  request,
}) => {
  const { value: token } = await createTestToken({ role: "writer" });
  const cohortId = unique("age");
  await pushRudderstack(request, token, {
    environmentId: await clientSideId(request, token),
    cohortId,
    add: ["u1"],
  });

  await page.goto(`/default/production/segments/rudderstack-${cohortId}`);
  const segmentAge = page.getByTestId("segment-data-age");
  await expect(segmentAge).toHaveText("Data from just now");
  // The shared time component: the exact time one press away.
  await segmentAge.getByRole("button").click();
  await expect(segmentAge).toContainText(/Data from just now \(\d+ \w+ \d{4}/);

  const created = await request.post(
    "/api/v2/integration-capabilities/big-segment-store/default/test/redis",
    {
      headers: { Authorization: token },
      data: { name: "Aged Redis", config: { host: "127.0.0.1", port: redis.port, prefix: unique("age") } },
    },
  );
  expect(created.status()).toBe(201);
  await page.goto("/default/test/stores");
  const store = page.getByRole("listitem", { name: "Store Aged Redis" });
  // The worker rebuilds the new store, then writes its marker; the page refreshes every 5 seconds.
  await expect(store.getByTestId("store-data-age")).toHaveText("Marker written just now", {
    timeout: 20_000,
  });
});
