// Signs in through the form as each role and keeps the session for the specs.
import { expect, test as setup } from "@playwright/test";
import { ROLE_LABEL } from "@/lib/values";
import { gotoHydrated } from "./hydrated";
import { ROLES, demoUser, storageState } from "./users";

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const user = demoUser(role);
    await gotoHydrated(page, "/sign-in");
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByTestId("user-name")).toHaveText(user.name);
    await expect(page.getByTestId("user-role")).toHaveText(ROLE_LABEL[role]);
    await page.context().storageState({ path: storageState(role) });
  });
}
