import type { Page } from "@playwright/test";
import { prisma } from "@/lib/server/db";
import { createTestMember } from "@/tests/factories/members";
import { createTestToken } from "@/tests/factories/tokens";
import { unique } from "@/tests/factories/unique";
import { expect, signIn, test } from "../fixtures";
import { clientSideId, pushRudderstack } from "../partner-push";

/** What a page's permission notice says: once per page or table, in words, the engine's reason behind a disclosure. */
function notice(page: Page) {
  return page.getByRole("note", { name: "Permissions" });
}

async function expectEngineReason(page: Page, reason: string | RegExp) {
  const details = notice(page).getByText("Why, as the policy engine says it");
  await expect(notice(page).getByText(reason)).toBeHidden();
  await details.click();
  await expect(notice(page).getByText(reason)).toBeVisible();
}

test("a reader is told in words what their role cannot do, once per page, with the engine's reason on request", async ({
  page,
  request,
}) => {
  const { value: token } = await createTestToken({ role: "writer" });
  const cohortId = unique("aud");
  await pushRudderstack(request, token, {
    environmentId: await clientSideId(request, token),
    cohortId,
    add: ["u-1"],
  });
  const roleKey = unique("notice-role");
  await prisma.customRole.create({
    data: {
      key: roleKey,
      name: "Notice role",
      policy: [{ effect: "allow", actions: ["viewSegment"], resources: ["proj/*:env/*:segment/*"] }],
    },
  });
  const { member, password } = await createTestMember({ role: "reader" });
  await signIn(page, member.email, password);

  // A segment's settings: one sentence for the four controls.
  await page.goto(`/default/production/segments/rudderstack-${cohortId}/settings`);
  await expect(notice(page)).toHaveCount(1);
  await expect(notice(page)).toContainText(
    "Your role, Reader, cannot rename segments, edit segment descriptions, change segment tags or delete segments in Production.",
  );
  const deleteButton = page.getByRole("button", { name: "Delete segment" });
  await expect(deleteButton).toBeDisabled();
  await expect(deleteButton).toHaveAccessibleDescription(/^Your role, Reader, cannot rename segments/);
  await expect(deleteButton).not.toHaveAttribute("title", /.+/);
  await expectEngineReason(page, /deleteSegment on proj\/default.*:segment\/rudderstack-/);

  // Roles: above the table, not per row.
  await page.goto("/settings/roles");
  await expect(page.getByRole("row", { name: `Role ${roleKey}` })).toBeVisible();
  await expect(notice(page)).toHaveCount(1);
  await expect(notice(page)).toContainText(
    "Your role, Reader, cannot create custom roles, edit custom roles or delete custom roles.",
  );
  await expect(
    page.getByRole("row", { name: `Role ${roleKey}` }).getByRole("button", { name: "Delete" }),
  ).toBeDisabled();
  await expect(page.getByText(/^Not allowed:/)).toHaveCount(0);
  await expectEngineReason(
    page,
    `deleteRole on role/${roleKey}: no statement allows deleteRole on role/${roleKey}`,
  );

  // A project: its environments table and its danger zone, in one sentence.
  await page.goto("/projects/default");
  await expect(notice(page)).toHaveCount(1);
  await expect(notice(page)).toContainText(
    "Your role, Reader, cannot delete environments in Production or Test, and cannot delete projects in project Default project.",
  );
  await expect(page.getByRole("button", { name: "Delete project" })).toBeDisabled();

  // An environment's persistent stores.
  await page.goto("/default/production/stores");
  await expect(notice(page)).toHaveCount(1);
  await expect(notice(page)).toContainText(/^Your role, Reader, cannot add persistent stores/);
  await expect(notice(page)).toContainText("in Production.");
  await expect(page.getByRole("button", { name: "Add store" })).toBeDisabled();
});

test("a member without the audit log is told so instead of an error", async ({ page }) => {
  const { member, password } = await createTestMember({ role: "no_access" });
  await signIn(page, member.email, password);
  await page.goto("/settings/audit");
  await expect(notice(page)).toContainText("Your role, No access, cannot view the audit log.");
  await expect(page.getByRole("form", { name: "Filter the audit log" })).toHaveCount(0);
});
