import type { Page } from "@playwright/test";
import { prisma } from "@/lib/server/db";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";
import { rememberSecret } from "../secrets";

const DAY_MS = 24 * 3600 * 1000;

/** Service tokens `<prefix>-s01`…, plus one personal token of the owner, written straight into the app's database. */
async function seedTokens(prefix: string, services: number) {
  const owner = await prisma.member.findFirstOrThrow({ where: { role: "owner" } });
  for (let index = 1; index <= services; index += 1) {
    const { token } = await createTestToken({ role: "reader", memberId: owner.id });
    await prisma.accessToken.update({
      where: { id: token.id },
      data: {
        name: `${prefix}-s${String(index).padStart(2, "0")}`,
        // The first one expires in three days and was used; the others never expire and were never used.
        ...(index === 1 ? { expiresAt: new Date(Date.now() + 3 * DAY_MS), lastUsedAt: new Date() } : {}),
      },
    });
  }
  const { token } = await createTestToken({ role: "reader", memberId: owner.id, serviceToken: false });
  await prisma.accessToken.update({ where: { id: token.id }, data: { name: `${prefix}-personal` } });
}

function tokenNames(page: Page) {
  return page
    .getByRole("table", { name: "Access tokens" })
    .getByRole("row")
    .filter({ hasText: /-(s\d\d|personal)/ });
}

async function expectNames(page: Page, prefix: string, names: string[]) {
  await expect(tokenNames(page)).toHaveCount(names.length);
  for (const [index, name] of names.entries()) {
    await expect(tokenNames(page).nth(index)).toHaveAccessibleName(`Token ${prefix}-${name}`);
  }
}

test("the token list's search, filters, order and page live in the URL and survive a reload", async ({
  ownerPage: page,
}) => {
  const prefix = unique("listed");
  await seedTokens(prefix, 22);
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { name: "Access tokens" })).toBeVisible();

  await page.getByLabel("Search tokens").fill(prefix);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));
  await page.getByRole("combobox", { name: /^Type/ }).selectOption("service");
  await page.getByRole("combobox", { name: /^Sort/ }).selectOption({ label: "Name Z–A" });
  await expect(page).toHaveURL(/type=service/);
  await expect(page).toHaveURL(/sort=-name/);
  await expect(tokenNames(page).first()).toHaveAccessibleName(`Token ${prefix}-s22`);
  await expect(page.getByRole("navigation", { name: "Token pages" })).toContainText("1–20 of 22");

  await page.getByRole("navigation", { name: "Token pages" }).getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/offset=20/);
  await expectNames(page, prefix, ["s02", "s01"]);

  await page.reload();
  await expectNames(page, prefix, ["s02", "s01"]);
  await expect(page.getByLabel("Search tokens")).toHaveValue(prefix);
  await expect(page.getByRole("combobox", { name: /^Type/ })).toHaveValue("service");
  await expect(page.getByRole("combobox", { name: /^Sort/ })).toHaveValue("-name");
  await expect(page.getByRole("navigation", { name: "Token pages" })).toContainText("21–22 of 22");

  // Filters narrow on the server and start again at the first page.
  await page.getByLabel("Expiring within 7 days").check();
  await expect(page).not.toHaveURL(/offset=/);
  await expectNames(page, prefix, ["s01"]);
  await page.getByLabel("Expiring within 7 days").uncheck();
  await page.getByRole("combobox", { name: /^Type/ }).selectOption("any");
  await page.getByLabel("Never used").check();
  await page.getByRole("combobox", { name: /^Sort/ }).selectOption({ label: "Name A–Z" });
  await expect(page.getByRole("navigation", { name: "Token pages" })).toContainText("1–20 of 22");
  await expect(tokenNames(page).first()).toHaveAccessibleName(`Token ${prefix}-personal`);
  await page.reload();
  await expect(page.getByLabel("Never used")).toBeChecked();
  await expect(tokenNames(page).first()).toHaveAccessibleName(`Token ${prefix}-personal`);
});

test("a new token is pointed out, and its access is edited after creation", async ({ ownerPage: page }) => {
  const name = unique("edited");
  await page.goto("/settings/tokens");
  await page.getByRole("button", { name: "Create token" }).click();
  const create = page.getByRole("dialog", { name: "Create an access token" });
  await create.getByLabel("Name").fill(name);
  await expect(create.getByRole("radio", { name: "Sync tool" })).toBeChecked();
  await expect(create.getByLabel("Service token")).toBeChecked();
  await expect(create.getByLabel("Project")).toHaveValue("default");
  await create.getByLabel("Environment").selectOption("test");
  await create.getByRole("button", { name: "Create token" }).click();
  const created = page.getByRole("dialog", { name: `Token "${name}" created` });
  await expect(created.getByLabel("Token value")).toHaveValue(/^api-/);
  rememberSecret(await created.getByLabel("Token value").inputValue());
  await created.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("row", { name: `Token ${name}` });
  await expect(row).toHaveAttribute("data-highlighted", "true");
  await expect(row).toContainText("New");
  await expect(row).toContainText("Pushes to default / test");

  // To a built-in role.
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit "${name}"` });
  await edit.getByRole("radio", { name: "Built-in role" }).check();
  await edit.getByLabel("Role", { exact: true }).selectOption("reader");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("Read only");

  // Back to a policy of its own, as the API answers afterwards too.
  await row.getByRole("button", { name: "Edit" }).click();
  await edit.getByRole("radio", { name: "Custom roles and inline policy" }).check();
  await edit.getByLabel("Inline policy (JSON)").fill(
    JSON.stringify([
      {
        effect: "allow",
        actions: ["createSegment", "updateIncluded"],
        resources: ["proj/default:env/production:segment/*"],
      },
    ]),
  );
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("Pushes to default / production");
  const stored = await prisma.accessToken.findFirstOrThrow({ where: { name } });
  expect(stored.role).toBeNull();
  expect(stored.inlineRole).toEqual([
    {
      effect: "allow",
      actions: ["createSegment", "updateIncluded"],
      resources: ["proj/default:env/production:segment/*"],
    },
  ]);

  // A policy that is not valid JSON is not sent.
  await row.getByRole("button", { name: "Edit" }).click();
  await edit.getByLabel("Inline policy (JSON)").fill("[{");
  await expect(edit.getByRole("button", { name: "Save" })).toBeDisabled();
  await edit.getByRole("button", { name: "Cancel" }).click();
});
