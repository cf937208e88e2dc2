import { createTestProject } from "@/tests/factories/projects";
import { expect, test } from "../fixtures";

test("deleting an environment, then its project, asks for the key typed and removes them from the lists", async ({
  ownerPage: page,
}) => {
  const { project } = await createTestProject();
  await page.goto(`/projects/${project.key}`);
  await expect(page.getByRole("heading", { name: "Test project" })).toBeVisible();

  const testRow = page.getByRole("row", { name: "Environment Test" });
  await testRow.getByRole("button", { name: /Delete/ }).click();
  const environmentDialog = page.getByRole("dialog");
  const confirmEnvironment = environmentDialog.getByRole("button", { name: "Delete this environment" });
  await expect(confirmEnvironment).toBeDisabled();
  await environmentDialog.getByLabel(/Type the environment key, test, to confirm/).fill("tes");
  await expect(confirmEnvironment).toBeDisabled();
  await environmentDialog.getByLabel(/Type the environment key, test, to confirm/).fill("test");
  await confirmEnvironment.click();
  await expect(page.getByRole("row", { name: "Environment Test" })).toHaveCount(0);
  await expect(page.getByRole("row", { name: "Environment Production" })).toBeVisible();

  await page.getByRole("button", { name: "Delete project" }).click();
  const projectDialog = page.getByRole("dialog");
  await projectDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(projectDialog).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Test project" })).toBeVisible();

  await page.getByRole("button", { name: "Delete project" }).click();
  await page
    .getByRole("dialog")
    .getByLabel(`Type the project key, ${project.key}, to confirm`)
    .fill(project.key);
  await page.getByRole("dialog").getByRole("button", { name: "Delete this project" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  const gone = await page.goto(`/projects/${project.key}`);
  expect(gone?.status()).toBe(404);
});
