import { expect, test, type Page } from "@playwright/test";
import { startReceiver } from "../test/receiver";
import { seriousViolations } from "./fixtures/axe";
import { baseURL } from "./fixtures/config";
import { inviteAndJoin } from "./fixtures/members";
import { createToken } from "./fixtures/tokens";
import { acceptGeneratedSecret } from "./fixtures/webhooks";
import { createProject } from "./fixtures/projects";
import { ownerOfNewOrg } from "./fixtures/accounts";

/** The value shown for one row of the webhook's settings summary. */
const setting = (page: Page, term: string) =>
  page
    .locator("dl > div")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${term}$`) }) })
    .locator("dd");

test("a webhook is created, checked, edited, paused, resumed and deleted, and the audit log shows it", async ({
  page,
}) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "Hook Co" });
  await createProject(page, slug, "payments-service", "Payments");

  await page.goto(`/${slug}/webhooks`);
  await expect(page.getByText("No webhooks yet")).toBeVisible();
  await page.getByRole("link", { name: "New webhook" }).first().click();

  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Deploy alerts");
  await page
    .getByRole("textbox", { name: "URL", exact: true })
    .fill("https://ci-bot:s3cret-pass@hooks.example.com/deepsource");
  await page.getByLabel("Format").selectOption("deepsource");
  await page.getByRole("checkbox", { name: /payments-service/ }).check();
  await page.getByLabel("Signing secret", { exact: true }).fill("too-short");
  await page.getByRole("button", { name: "Create webhook" }).click();

  // The server's rule lands on the field it is about, and in the summary at the top.
  const secret = page.getByLabel("Signing secret", { exact: true });
  await expect(secret).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "The webhook was not saved" })).toBeVisible();
  await expect(
    page.getByRole("alert").filter({ hasText: /^A DeepSource secret has at least 16 characters\.$/ }),
  ).toBeVisible();
  await secret.fill("a-much-longer-signing-secret");
  await page.getByRole("button", { name: "Create webhook" }).click();

  await expect(page).toHaveURL(new RegExp(`/${slug}/webhooks/wh_[0-9a-f]+$`));
  await expect(page.getByRole("heading", { level: 1, name: "Deploy alerts" })).toBeVisible();
  await expect(page.getByText("Awaiting activation", { exact: true })).toBeVisible();
  await expect(setting(page, "Signing secret")).toHaveText("Set");
  await expect(setting(page, "Basic auth")).toHaveText("Set");
  await expect(setting(page, "Format")).toHaveText("DeepSource");
  await expect(page.getByTestId("webhook-url")).toHaveText("https://hooks.example.com/deepsource");
  for (const hidden of ["ci-bot", "s3cret-pass", "a-much-longer-signing-secret"])
    await expect(page.locator("body")).not.toContainText(hidden);

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("Signing secret", { exact: true })).toHaveValue("");
  await expect(page.getByText(/Set — leave blank to keep/).first()).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Deploy alerts (prod)");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deploy alerts (prod)" })).toBeVisible();
  // Saving the form without touching the secrets or the URL's credentials keeps them.
  await expect(setting(page, "Signing secret")).toHaveText("Set");
  await expect(setting(page, "Basic auth")).toHaveText("Set");

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByText("Awaiting activation", { exact: true })).toBeVisible();

  await page.goto(`/${slug}/webhooks`);
  const row = page.getByRole("row", { name: /Deploy alerts \(prod\)/ });
  await expect(row).toContainText("DeepSource");
  await expect(row).toContainText("payments-service");
  await expect(row).toContainText("All events");
  await row.getByRole("link", { name: "Deploy alerts (prod)" }).click();

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete webhook" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/webhooks$`));
  await expect(page.getByText("No webhooks yet")).toBeVisible();

  await page.goto(`/${slug}/audit`);
  for (const action of ["webhook.created", "webhook.replaced", "webhook.updated", "webhook.deleted"]) {
    await expect(page.getByText(action, { exact: true }).first()).toBeVisible();
  }
});

test("a failed save lists every problem at once, each on its field, and the summary takes the person to each", async ({
  page,
}) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "Problem Co" });
  await page.goto(`/${slug}/webhooks`);
  await page.getByRole("link", { name: "New webhook" }).first().click();

  const url = page.getByRole("textbox", { name: "URL", exact: true });
  const timeout = page.getByLabel("Timeout (ms)");
  const payload = page.getByLabel("Extra payload (JSON)");
  const followUps = page.getByLabel("Follow-up URLs");
  const summary = page.getByRole("alert").filter({ hasText: "The webhook was not saved" });
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Everything wrong");
  // Addresses the browser cannot judge: only the server resolves and refuses them.
  await url.fill("http://169.254.169.254/latest/meta-data/");
  await page.getByLabel("Format").selectOption("scorecard");
  await followUps.fill("http://10.0.0.1/tickets");
  // What the shared schema finds in the browser, all in the first round.
  await timeout.fill("40000");
  await payload.fill("{ not json");
  await page.getByRole("button", { name: "Add header" }).click();
  await page.getByLabel("Header 1 value").fill("orphan");
  await page.getByRole("button", { name: "Create webhook" }).click();

  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Header 1: Give the header a name, or remove the row.",
    /^Extra payload: Not valid JSON/,
    "Timeout must be at most 30,000 ms.",
  ]);
  await expect(timeout).toHaveAttribute("aria-invalid", "true");
  await expect(timeout).toHaveAccessibleDescription(/Timeout must be at most 30,000 ms\./);
  await summary.getByRole("link", { name: "Timeout must be at most 30,000 ms." }).click();
  await expect(timeout).toBeFocused();
  await summary.getByRole("link", { name: /^Extra payload/ }).click();
  await expect(payload).toBeFocused();

  // A field fixed is no longer flagged; the rest stay until they are fixed too.
  await timeout.fill("5000");
  await expect(timeout).not.toHaveAttribute("aria-invalid", "true");
  await expect(summary.getByRole("link")).toHaveCount(2);
  await payload.fill('{ "team": "security" }');
  await page.getByRole("button", { name: "Remove header 1" }).click();
  await page.getByRole("button", { name: "Create webhook" }).click();

  // The server's 422 lands on the same fields, every problem in one answer.
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(2);
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(/169\.254\.169\.254.*webhooks must point at a public address/);
  await expect(followUps).toHaveAttribute("aria-invalid", "true");
  await expect(followUps).toHaveAccessibleDescription(/10\.0\.0\.1.*webhooks must point at a public address/);
  await summary.getByRole("link", { name: /^Follow-up web requests/ }).click();
  await expect(followUps).toBeFocused();
  await summary.getByRole("link", { name: /^URL/ }).click();
  await expect(url).toBeFocused();

  await url.fill("https://hooks.example.com/scorecard");
  await followUps.fill("https://tickets.example.com/hooks/scorecard");
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Everything wrong" })).toBeVisible();
});

test("a custom trigger added in the catalog can be chosen for a webhook", async ({ page }) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "Trigger Co" });
  await page.goto(`/${slug}/triggers`);
  await expect(page.getByRole("heading", { level: 2, name: /SonarQube/ })).toBeVisible();

  await page.getByRole("button", { name: "Add trigger" }).click();
  const dialog = page.getByRole("dialog", { name: "Add trigger" });
  await dialog.getByLabel("Name").fill("deploy.finished");
  await dialog.getByLabel("Description").fill("A deployment finished");
  await dialog.getByLabel("Example payload").fill("{ not json");
  await dialog.getByRole("button", { name: "Add trigger" }).click();
  await expect(dialog.getByLabel("Example payload")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Example payload").fill('{ "environment": "production" }');
  await dialog.getByRole("button", { name: "Add trigger" }).click();
  await expect(dialog).toHaveCount(0);

  const custom = page.getByRole("region", { name: /Custom/ });
  await expect(custom.getByText("deploy.finished", { exact: true })).toBeVisible();
  await custom.locator("summary").click();
  await expect(custom.locator("pre")).toContainText('"environment": "production"');

  // Searchable: the catalog narrows to what matches the name or the description.
  await page.getByLabel("Search triggers").fill("deployment");
  await expect(page.getByText("deploy.finished", { exact: true })).toBeVisible();
  await expect(page.getByText("project_sca_analysis_finished", { exact: true })).toHaveCount(0);
  await page.getByLabel("Search triggers").fill("");

  // A custom trigger can be changed; its name stays.
  await custom.getByRole("button", { name: "Edit deploy.finished" }).click();
  const editor = page.getByRole("dialog", { name: "Edit deploy.finished" });
  await expect(editor.getByLabel("Name")).toBeDisabled();
  await editor.getByLabel("Description").fill("A deployment reached production");
  await editor.getByRole("button", { name: "Save trigger" }).click();
  await expect(editor).toHaveCount(0);
  await expect(custom.getByText("A deployment reached production")).toBeVisible();

  await page.goto(`/${slug}/webhooks/new`);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Deploys");
  await page.getByRole("textbox", { name: "URL", exact: true }).fill("https://hooks.example.com/deploys");
  await page.getByLabel("Filter triggers").fill("deploy");
  await page.getByRole("checkbox", { name: /deploy\.finished/ }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await acceptGeneratedSecret(page);
  await expect(setting(page, "Triggers")).toHaveText("deploy.finished");

  // Deleting it is refused while the webhook subscribes to it, and says which webhook.
  await page.goto(`/${slug}/triggers`);
  await custom.getByRole("button", { name: "Delete deploy.finished" }).click();
  await page
    .getByRole("dialog", { name: "Delete deploy.finished?" })
    .getByRole("button", { name: "Delete trigger" })
    .click();
  await expect(page.getByText(/Webhooks subscribe to "deploy\.finished" \(Deploys\)/)).toBeVisible();
  await expect(custom.getByText("deploy.finished", { exact: true })).toBeVisible();
});

test("a trigger's example is sent from the catalog to a webhook it would reach, and the result says how it went", async ({
  page,
  playwright,
}) => {
  const receiver = await startReceiver();
  const { slug } = await ownerOfNewOrg(page, { orgName: "Example Co" });

  // With no webhook at all, the dialog says so and leads to creating one.
  await page.goto(`/${slug}/triggers`);
  await page.getByRole("button", { name: "Send example of test", exact: true }).click();
  let dialog = page.getByRole("dialog", { name: "Send an example of test" });
  await expect(dialog).toContainText("no webhooks yet");
  await expect(dialog.getByRole("link", { name: "Create a webhook" })).toHaveAttribute("href", `/${slug}/webhooks/new`);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  // A custom trigger without an example payload has nothing to send, and says so.
  await page.getByRole("button", { name: "Add trigger" }).click();
  const adding = page.getByRole("dialog", { name: "Add trigger" });
  await adding.getByLabel("Name").fill("deploy.finished");
  await adding.getByLabel("Description").fill("A deployment finished");
  await adding.getByRole("button", { name: "Add trigger" }).click();
  await expect(adding).toHaveCount(0);
  const deploy = page.getByRole("button", { name: "Send example of deploy.finished" });
  await expect(deploy).toBeDisabled();
  await expect(deploy).toHaveAccessibleDescription("No example payload to send");

  // Webhooks that subscribe to the SCA trigger, one that takes every trigger, one that takes another.
  const token = await createToken(page, slug, "provisioner", ["webhooks:write"]);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const webhookIds: Record<string, string> = {};
  for (const [name, url, triggers] of [
    ["Every trigger", `${receiver.url}/all`, []],
    ["SCA receiver", `${receiver.url}/sca`, ["project_sca_analysis_finished"]],
    ["Unreachable", "http://127.0.0.1:9/hook", ["project_sca_analysis_finished"]],
    ["Deploys", `${receiver.url}/deploys`, ["deploy.finished"]],
  ] as const) {
    const created = await api.post("/api/v1/webhooks", { data: { name, url, triggers, activationRequired: false } });
    expect(created.status()).toBe(201);
    webhookIds[name] = ((await created.json()) as { id: string }).id;
  }
  await api.dispose();

  // Those naming the trigger come first, then those taking every trigger; the others are not offered.
  await page.goto(`/${slug}/triggers`);
  await page.getByRole("button", { name: "Send example of project_sca_analysis_finished" }).click();
  dialog = page.getByRole("dialog", { name: "Send an example of project_sca_analysis_finished" });
  const webhook = dialog.getByLabel("Webhook");
  await expect(webhook.locator("option")).toHaveCount(3);
  const offered = await webhook.locator("option").allTextContents();
  expect(offered.slice(0, 2).sort()).toEqual(["SCA receiver", "Unreachable"]);
  expect(offered[2]).toBe("Every trigger");

  // Sent in the webhook's format and signed; the result names where it went, with a link.
  await webhook.selectOption({ label: "SCA receiver" });
  await dialog.getByRole("button", { name: "Send example" }).click();
  await expect(dialog.getByTestId("probe-result")).toContainText("Success: HTTP 200");
  const sent = receiver.requests.find((request) => request.path.endsWith("/sca"))!;
  expect(JSON.parse(sent.body)).toMatchObject({
    type: "project_sca_analysis_finished",
    data: { project_id: 42, project_name: "payments-service" },
  });
  await expect(dialog.getByRole("link", { name: "SCA receiver" })).toHaveAttribute(
    "href",
    `/${slug}/webhooks/${webhookIds["SCA receiver"]}`,
  );
  expect(await seriousViolations(page)).toEqual([]);

  // A webhook that cannot be reached: the failure in words.
  await webhook.selectOption({ label: "Unreachable" });
  await dialog.getByRole("button", { name: "Send example" }).click();
  await expect(dialog.getByTestId("probe-result")).toContainText("Failed: connection refused");

  // The link leads to the webhook, whose history has the example as a test delivery.
  await webhook.selectOption({ label: "SCA receiver" });
  await dialog.getByRole("button", { name: "Send example" }).click();
  await expect(dialog.getByTestId("probe-result")).toContainText("Success");
  await dialog.getByRole("link", { name: "SCA receiver" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SCA receiver" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "project_sca_analysis_finished" }).first()).toContainText(
    "Test",
  );
  expect(receiver.requests.filter((request) => request.path.endsWith("/sca"))).toHaveLength(2);
  expect(receiver.requests.filter((request) => !request.path.endsWith("/sca"))).toHaveLength(0);
  await receiver.close();
});

test("a viewer sees webhooks and triggers but is offered no way to change them", async ({ page }) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "Viewer Co" });
  await inviteAndJoin(page, slug, "viewer", "Vi Viewer");

  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expect(page.getByText("No webhooks yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "New webhook" })).toHaveCount(0);

  await page.getByRole("link", { name: "Triggers" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /CodeScoring/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add trigger" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Send example/ })).toHaveCount(0);
});

test("the dashboard and the API see the same webhooks: created in one, listed in the other", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "Both Ways" });

  // Through the API with an org token, as a machine would.
  await page.goto(`/${slug}/tokens`);
  await page.getByRole("button", { name: "New token" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API token" });
  await dialog.getByLabel("Name").fill("provisioner");
  await dialog.getByLabel("webhooks:write").check();
  await dialog.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.locator("code[data-secret]").first().textContent())?.trim() ?? "";
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const created = await api.post("/api/v1/webhooks", {
    data: { name: "From the API", url: "https://api.example.com/hook", format: "dejacode" },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/${slug}/webhooks`);
  await expect(page.getByRole("link", { name: "From the API" })).toBeVisible();

  // Through the dashboard, then read back over the API.
  await page.getByRole("link", { name: "New webhook" }).first().click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("From the dashboard");
  await page.getByRole("textbox", { name: "URL", exact: true }).fill("https://ui.example.com/hook");
  await page.getByRole("button", { name: "Create webhook" }).click();
  await acceptGeneratedSecret(page);
  await expect(page.getByRole("heading", { level: 1, name: "From the dashboard" })).toBeVisible();

  const listed = await api.get("/api/v1/webhooks");
  const names = (await listed.json()).data.map((webhook: { name: string }) => webhook.name).sort();
  expect(names).toEqual(["From the API", "From the dashboard"]);
  await api.dispose();
});
