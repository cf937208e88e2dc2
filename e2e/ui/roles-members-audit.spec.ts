import type { Locator, Page, TestInfo } from "@playwright/test";
import { unique } from "@/tests/factories/unique";
import { expect, test } from "../fixtures";
import { setPasswordThroughLink, shownLink } from "../password-links";

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

const SEGMENT = "proj/default:env/production:segment/beta";

const VALID_POLICY = JSON.stringify(
  [{ effect: "allow", actions: ["viewSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] }],
  null,
  2,
);

async function testAccess(editor: Locator, action: string, resource: string) {
  const box = editor.getByRole("region", { name: "Test access" });
  await box.getByLabel("Action").selectOption(action);
  await box.getByLabel("Resource").fill(resource);
  await box.getByRole("button", { name: "Test" }).click();
  return box.getByTestId("access-test-result");
}

async function createRole(page: Page, key: string) {
  await page.goto("/settings/roles");
  await page.getByRole("button", { name: "Create role" }).click();
  const editor = page.getByRole("dialog", { name: "Create a custom role" });
  await editor.getByLabel("Key").fill(key);
  await editor.getByLabel("Name").fill(`Segment pusher ${key}`);
  await editor.getByLabel("Policy (JSON)").fill(VALID_POLICY);
  await editor.getByRole("button", { name: "Create role" }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByRole("row", { name: `Role ${key}` })).toBeVisible();
}

test("a custom role: invalid policies get the precise error, the test box answers, a valid one is saved", async ({
  ownerPage: page,
}, testInfo) => {
  const key = unique("pusher");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Roles" }).click();
  await expect(page.getByRole("heading", { name: "Roles" })).toBeVisible();

  await page.getByRole("button", { name: "Create role" }).click();
  const editor = page.getByRole("dialog", { name: "Create a custom role" });
  await editor.getByLabel("Key").fill(key);
  await editor.getByLabel("Name").fill("Segment pusher");
  const policy = editor.getByLabel("Policy (JSON)");
  const save = editor.getByRole("button", { name: "Create role" });

  await policy.fill('[{"effect": "allow", "actions": [], "resources": ["proj/*"]}]');
  await expect(editor.getByText('statement 0: "actions" must not be empty')).toBeVisible();
  await expect(policy).toHaveAttribute("aria-invalid", "true");
  await expect(save).toBeDisabled();

  await policy.fill('[{"effect": "allow", "actions": ["updateIncluded"], "resources": ["project/*"]}]');
  await expect(
    editor.getByText('statement 0: "resources" has an invalid resource specifier "project/*"'),
  ).toBeVisible();
  await policy.fill('[{"effect": "allow", "actions": ["updateIncluded"]');
  await expect(editor.getByText(/^Not valid JSON: /)).toBeVisible();

  await policy.fill(
    JSON.stringify([
      { effect: "allow", actions: ["viewSegment", "updateIncluded"], resources: ["proj/*:env/*:segment/*"] },
      { effect: "deny", actions: ["updateIncluded"], resources: ["proj/*:env/production:segment/locked-*"] },
    ]),
  );
  await expect(editor.getByText("Valid policy: 2 statements.")).toBeVisible();
  await expect(save).toBeEnabled();

  const allowed = await testAccess(editor, "updateIncluded", SEGMENT);
  await expect(allowed).toHaveText(
    `Allowed: role "this role" allows updateIncluded on ${SEGMENT} (statement 0)`,
  );
  const denied = await testAccess(editor, "deleteSegment", SEGMENT);
  await expect(denied).toHaveText(`Denied: no statement allows deleteSegment on ${SEGMENT}`);
  const locked = "proj/default:env/production:segment/locked-vip";
  await expect(await testAccess(editor, "updateIncluded", locked)).toHaveText(
    `Denied: role "this role" denies updateIncluded on ${locked} (statement 1) and no role allows it`,
  );
  await editor.getByTestId("access-test-result").scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, "settings-roles-editor");

  await save.click();
  await expect(editor).toBeHidden();
  const row = page.getByRole("row", { name: `Role ${key}` });
  await expect(row).toContainText("allow viewSegment, updateIncluded on proj/*:env/*:segment/*");
  await screenshot(page, testInfo, "settings-roles");

  // Edit: the key stays, the policy editor starts from the saved policy.
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit role "${key}"` });
  await expect(edit.getByLabel("Policy (JSON)")).toHaveValue(/locked-\*/);
  await edit.getByLabel("Description").fill("Pushes cohorts");
  await edit.getByRole("button", { name: "Save role" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("Pushes cohorts");
});

test("members: add a reader with a custom role, who sees token creation disabled with the reason; a role in use is not deleted", async ({
  ownerPage: page,
  browser,
}, testInfo) => {
  const roleKey = unique("reader-extra");
  await createRole(page, roleKey);
  const email = `${unique("reader")}@e2e.test`;
  const password = "reader-password-123";

  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await page.getByRole("button", { name: "Invite member" }).click();
  const add = page.getByRole("dialog", { name: "Invite a member" });
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Role", { exact: true }).selectOption("reader");
  await add.getByRole("checkbox", { name: new RegExp(roleKey) }).check();
  await add.getByRole("button", { name: "Send invite" }).click();
  const invited = page.getByRole("dialog", { name: `Invited ${email}` });
  const inviteLink = await shownLink(invited);
  await invited.getByRole("button", { name: "Done" }).click();
  const memberRow = page.getByRole("row", { name: `Member ${email}` });
  await expect(memberRow).toContainText("Reader");
  await expect(memberRow).toContainText(roleKey);

  // The API refuses changing one's own role; its message is shown as is.
  await page
    .getByRole("row", { name: /^Member owner@e2e\.test/ })
    .getByRole("button", { name: "Change access" })
    .click();
  const own = page.getByRole("dialog", { name: "Change access of owner@e2e.test" });
  await own.getByRole("button", { name: "Save access" }).click();
  await expect(own.getByRole("alert")).toHaveText(
    "You cannot change your own role or custom roles; ask an admin or the owner",
  );
  await own.getByRole("button", { name: "Cancel" }).click();
  await screenshot(page, testInfo, "settings-members");

  // The new reader, in a browser of their own.
  const context = await browser.newContext();
  const readerPage = await context.newPage();
  await setPasswordThroughLink(readerPage, inviteLink, password);
  await readerPage.goto("/settings/tokens");
  const createToken = readerPage.getByRole("button", { name: "Create token" });
  await expect(createToken).toBeDisabled();
  await expect(
    readerPage.getByText("Not allowed: no statement allows createAccessToken on service-token/*"),
  ).toBeVisible();
  await expect(createToken).toHaveAccessibleDescription(
    "Not allowed: no statement allows createAccessToken on service-token/*",
  );
  await screenshot(readerPage, testInfo, "settings-tokens-reader");
  await readerPage.goto("/settings/members");
  await expect(readerPage.getByRole("button", { name: "Invite member" })).toBeDisabled();
  await expect(
    readerPage.getByRole("row", { name: `Member ${email}` }).getByRole("button", { name: "Remove" }),
  ).toBeDisabled();
  await context.close();

  // The role is held by the reader: deleting it is refused with the API's reason.
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Roles" }).click();
  await page
    .getByRole("row", { name: `Role ${roleKey}` })
    .getByRole("button", { name: "Delete" })
    .click();
  const confirmRole = page.getByRole("dialog", { name: `Delete role "${roleKey}"?` });
  await confirmRole.getByRole("button", { name: "Delete role" }).click();
  await expect(confirmRole.getByRole("alert")).toContainText("This role is in use and was not deleted.");
  await expect(confirmRole.getByRole("alert")).toContainText("still held by 1 member and 0 tokens");
  await confirmRole.getByRole("button", { name: "Close", exact: true }).click();

  // Remove the member (after a confirmation); then the role can go.
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }).click();
  await page
    .getByRole("row", { name: `Member ${email}` })
    .getByRole("button", { name: "Remove" })
    .click();
  await page
    .getByRole("dialog", { name: `Remove ${email}?` })
    .getByRole("button", { name: "Remove member" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: `Member ${email} removed.` })).toBeVisible();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Roles" }).click();
  await page
    .getByRole("row", { name: `Role ${roleKey}` })
    .getByRole("button", { name: "Delete" })
    .click();
  await page
    .getByRole("dialog", { name: `Delete role "${roleKey}"?` })
    .getByRole("button", { name: "Delete role" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: `Role ${roleKey} deleted.` })).toBeVisible();

  // The audit log has each step, filtered by the resource.
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Resource").fill(`role/${roleKey}`);
  await page.getByRole("button", { name: "Apply" }).click();
  const entries = page.getByRole("list", { name: "Entries" });
  await expect(entries.getByRole("listitem")).toHaveCount(2);
  await expect(entries.getByRole("listitem").nth(0)).toHaveAccessibleName(`Deleted custom role ${roleKey}`);
  const created = entries.getByRole("listitem").nth(1);
  await expect(created).toHaveAccessibleName(`Created custom role ${roleKey}`);
  await created.getByRole("button", { name: "Details" }).click();
  await expect(
    created
      .getByRole("row", { name: /^Field key/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText(roleKey);

  await page.getByLabel("Resource").fill("");
  await page.getByLabel("Search").fill(email);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(
    entries.getByRole("listitem").filter({ hasText: `Invited member ${email} with role reader` }),
  ).toBeVisible();
  await expect(entries.getByRole("listitem").filter({ hasText: `Deleted member ${email}` })).toBeVisible();
});
