import { createHmac } from "node:crypto";
import { startAlertReceiver, type AlertReceiver } from "@/tests/support/alert-receiver";
import { expect, test } from "../fixtures";
import { rememberSecret } from "../secrets";

let receiver: AlertReceiver;

test.beforeAll(async () => {
  receiver = await startAlertReceiver();
});

test.afterAll(async () => {
  await receiver.close();
});

test("add a rule and a webhook, send a test message, see it delivered and signed", async ({
  ownerPage: page,
}) => {
  await page.goto("/default/production/segments");
  await page.getByRole("navigation", { name: "Environment" }).getByRole("link", { name: "Alerts" }).click();
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();

  const ruleName = `Failed syncs ${Date.now()}`;
  const rules = page.getByRole("region", { name: "Rules" });
  await rules.getByLabel("Condition").selectOption("sync_skipped_over");
  await rules.getByLabel("Rule name").fill(ruleName);
  await rules.getByLabel("Skipped over (%)").fill("25");
  await rules.getByRole("button", { name: "Add rule" }).click();
  await expect(rules.getByRole("list", { name: "Alert rules" })).toContainText(
    `${ruleName} · A sync skipped more than N% of its members (over 25% skipped)`,
  );

  const destinationName = `Ops hook ${Date.now()}`;
  const destinations = page.getByRole("region", { name: "Destinations" });
  await destinations.getByLabel("Destination name").fill(destinationName);
  await destinations.getByLabel("URL").fill(receiver.url);
  await destinations.getByRole("button", { name: "Add destination" }).click();
  const secret = (await destinations.getByTestId("alert-secret").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_/);
  rememberSecret(secret);

  receiver.received.length = 0;
  await destinations.getByRole("button", { name: `Send test to ${destinationName}` }).click();
  const log = page.getByRole("region", { name: "Delivery log" });
  const row = log.getByTestId("alert-delivery").filter({ hasText: destinationName }).first();
  await expect(row).toContainText("delivered", { timeout: 20_000 });
  await expect(row).toContainText("200");

  expect(receiver.received).toHaveLength(1);
  const [alert] = receiver.received;
  const timestamp = String(alert?.headers["x-tributary-timestamp"]);
  const expected = createHmac("sha256", secret)
    .update(`${timestamp}.${alert?.body ?? ""}`)
    .digest("hex");
  expect(alert?.headers["x-tributary-signature"]).toBe(`sha256=${expected}`);
  expect(JSON.parse(alert?.body ?? "{}")).toMatchObject({
    event: "alert.test",
    environmentKey: "production",
  });

  // The secret is shown once: a reload lists the destination without it.
  await page.reload();
  await expect(page.getByRole("region", { name: "Destinations" })).toContainText(destinationName);
  await expect(page.getByText(secret)).toHaveCount(0);
});
