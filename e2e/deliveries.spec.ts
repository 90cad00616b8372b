import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startReceiver } from "../test/receiver";
import { query } from "./fixtures/db";
import { publisherApi } from "./fixtures/tokens";
import { ownerOfNewOrg } from "./fixtures/accounts";
import { acceptGeneratedSecret } from "./fixtures/webhooks";

// Chart labels are in the browser's time zone; UTC here, so the test can name each bucket.
test.use({ timezoneId: "UTC" });
const hourMs = 3_600_000;
// How the page writes a moment ("Nov 30, 2026, 11:59 PM"), and how the charts name a 6-hour bucket ("Nov 29, 18:00").
const dayAndMinute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const sixHours = new Intl.DateTimeFormat("en", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

test("a webhook is tested, activated, and its deliveries are browsed, retried and charted", async ({
  page,
  playwright,
}) => {
  const answering = (status: number) => () => ({ status, body: `answered ${status}` });
  const receiver = await startReceiver(undefined, answering(200));
  const { slug } = await ownerOfNewOrg(page, { orgName: "Delivery Co" });

  // Test it before saving (CodeScoring), then save: the test event activates it (DeepSource).
  await page.goto(`/${slug}/webhooks/new`);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Local receiver");
  await page.getByRole("textbox", { name: "URL", exact: true }).fill(receiver.url);
  await page.getByRole("button", { name: "Test it" }).click();
  await expect(page.getByTestId("probe-result")).toContainText("Success");
  await expect(page.getByTestId("probe-result")).toContainText("answered 200");
  // With no secret typed, the test is signed as the saved webhook will be: with a secret, here a preview one it names.
  const previewNote = page.getByText("this test was signed with a preview secret");
  const previewSecret = (await previewNote.locator("code").textContent()) ?? "";
  const tested = receiver.requests[0]!;
  expect(() => new Webhook(previewSecret).verify(tested.body, tested.headers as Record<string, string>)).not.toThrow();
  await page.getByRole("button", { name: "Create webhook" }).click();
  const secret = await acceptGeneratedSecret(page);
  await expect(page.getByRole("heading", { level: 1, name: "Local receiver" })).toBeVisible();
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  const webhookUrl = page.url();

  // A machine publishes an event; the history shows it delivered.
  const api = await publisherApi(page, playwright.request, slug, ["events:write", "webhooks:write"]);
  const published = await api.post("/api/v1/events", { data: { type: "test", payload: { from: "e2e" } } });
  expect(published.status()).toBe(202);
  await page.goto(webhookUrl);
  const latest = page.getByTestId("latest-delivery");
  await expect(latest).toContainText("Succeeded", { timeout: 20_000 });
  await expect.poll(() => receiver.requests.some((request) => request.body.includes('"from":"e2e"'))).toBe(true);
  // Signed with the secret the hub generated and showed once (Standard Webhooks).
  const signed = receiver.requests.find((request) => request.body.includes('"from":"e2e"'))!;
  expect(() => new Webhook(secret).verify(signed.body, signed.headers as Record<string, string>)).not.toThrow();

  // Open it: the attempt's request and response are there; Retry sends it again.
  const viewDelivery = latest.getByRole("button", { name: "View payload and response" });
  await viewDelivery.click();
  const dialog = page.getByRole("dialog");
  // Focus starts on the dialog itself, not on "Retry now": an Enter on arrival sends nothing.
  await expect(dialog).toBeFocused();
  await expect(dialog.getByTestId("attempt")).toHaveCount(1);
  await expect(dialog).toContainText('"from": "e2e"');
  await expect(dialog).toContainText("answered 200");
  await dialog.getByRole("button", { name: "Retry now" }).click();
  await expect(dialog.getByTestId("attempt")).toHaveCount(2);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(viewDelivery).toBeFocused();

  // Send an example event: a catalog trigger's example payload, in the webhook's format and signed,
  // recorded in the history as a test delivery.
  await page.getByLabel("Trigger", { exact: true }).selectOption("project_sca_analysis_finished");
  await page.getByRole("button", { name: "Send example" }).click();
  await expect(page.getByTestId("probe-result")).toContainText("Success");
  const exampleRequest = receiver.requests.find((request) => request.body.includes('"project_sca_analysis_finished"'))!;
  expect(
    new Webhook(secret).verify(exampleRequest.body, exampleRequest.headers as Record<string, string>),
  ).toMatchObject({
    type: "project_sca_analysis_finished",
    data: { project_id: 42, project_name: "payments-service" },
  });
  await expect(page.getByRole("row").filter({ hasText: "project_sca_analysis_finished" })).toContainText("Test");

  // The webhooks list shows each webhook's health: every attempt so far succeeded, the last a moment ago;
  // a paused webhook that never sent has none.
  const paused = await api.post("/api/v1/webhooks", {
    data: { name: "Archive", url: "https://archive.example.com/hook", active: false },
  });
  expect(paused.status()).toBe(201);
  await page.goto(`/${slug}/webhooks`);
  const list = page.getByRole("table", { name: "Webhooks" });
  // The columns are read once the rows are in, not from the table's loading state.
  await expect(list.getByRole("row", { name: /^Local receiver / })).toBeVisible();
  const columns = await list.getByRole("columnheader").allTextContents();
  expect(columns).toEqual(expect.arrayContaining(["Success (24 h)", "Last result"]));
  const cell = (row: string, column: string) =>
    list
      .getByRole("row", { name: new RegExp(`^${row} `) })
      .getByRole("cell")
      .nth(columns.indexOf(column));
  await expect(cell("Local receiver", "Success (24 h)")).toHaveText("100%");
  await expect(cell("Local receiver", "Last result")).toHaveText(/^200 OK · (just now|\d+ s ago|\d+ min ago)$/);
  await expect(cell("Archive", "Success (24 h)")).toHaveText("—");

  // Sorted by a header: aria-sort says how, and a reload keeps it (it is in the URL).
  const names = list.locator("tbody").getByRole("link");
  const header = (name: string) => list.getByRole("columnheader", { name });
  await list.getByRole("button", { name: "Name" }).click();
  await expect(names).toHaveText(["Archive", "Local receiver"]);
  await expect(header("Name")).toHaveAttribute("aria-sort", "ascending");
  await list.getByRole("button", { name: "Name" }).click();
  await expect(names).toHaveText(["Local receiver", "Archive"]);
  await expect(header("Name")).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/\?sort=name&order=desc$/);
  await page.reload();
  await expect(names).toHaveText(["Local receiver", "Archive"]);
  await expect(header("Name")).toHaveAttribute("aria-sort", "descending");
  await list.getByRole("button", { name: "Success (24 h)" }).click();
  await expect(header("Success (24 h)")).toHaveAttribute("aria-sort", "ascending");
  await expect(header("Name")).toHaveAttribute("aria-sort", "none");
  await expect(page).toHaveURL(/\?sort=success&order=asc$/);

  // At 390 px the table scrolls inside its card, not the page, and the last delivery's time is whole.
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  const lastDelivery = cell("Local receiver", "Last delivery");
  await lastDelivery.scrollIntoViewIfNeeded();
  await expect(lastDelivery).toBeInViewport();
  await expect(lastDelivery).toHaveText(/ago|now/);
  expect(await lastDelivery.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  const sideways = await list.evaluate((table) => ({
    wrapper: table.parentElement!.scrollWidth > table.parentElement!.clientWidth,
    page: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  }));
  expect(sideways).toEqual({ wrapper: true, page: false });
  await page.setViewportSize(desktop);
  await page.goto(webhookUrl);

  // A failing endpoint shows as failing, with the failure on record.
  receiver.answer(answering(500));
  await api.post("/api/v1/events", { data: { type: "test", payload: { from: "e2e-failing" } } });
  await expect(latest).toContainText("HTTP 500", { timeout: 20_000 });
  await expect(page.getByText("Failing", { exact: true }).first()).toBeVisible({ timeout: 20_000 });

  // The charts: the last 24 hours in hourly points, until 7d asks for the last week, in 6-hour points.
  await expect(page.getByRole("heading", { name: "Success and latency" })).toBeVisible();
  const range = page.getByRole("radiogroup", { name: "Chart range" });
  await expect(range.getByRole("radio", { name: "24h" })).toBeChecked();
  const successRate = page.locator("figure", { hasText: "Success rate" });
  await successRate.getByText("Show the data as a table").click();
  const table = successRate.getByRole("table", { name: "Success rate" });
  await expect(table.getByRole("rowheader")).toHaveCount(24);

  const weekAnswer = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname.endsWith("/stats") && new URL(response.url()).searchParams.get("range") === "7d",
  );
  await range.getByRole("radio", { name: "7d" }).click();
  const answer = await weekAnswer;
  expect(answer.status()).toBe(200);
  const week = (await answer.json()) as {
    range: string;
    bucketSeconds: number;
    buckets: { start: string; attempts: number; succeeded: number }[];
  };
  expect(week).toMatchObject({ range: "7d", bucketSeconds: (6 * hourMs) / 1000 });
  // 28 buckets of 6 hours, one after another, the last holding now.
  const starts = week.buckets.map((bucket) => Date.parse(bucket.start));
  expect(starts.slice(1).map((start, index) => start - starts[index]!)).toEqual(
    Array.from({ length: 27 }, () => 6 * hourMs),
  );
  expect(Date.now() - starts.at(-1)!).toBeGreaterThanOrEqual(0);
  expect(Date.now() - starts.at(-1)!).toBeLessThan(6 * hourMs);
  // This webhook's attempts so far: its activation test, the event, the Retry, the example (all 200) and the failure, maybe retried by now.
  const attempts = week.buckets.reduce((sum, bucket) => sum + bucket.attempts, 0);
  const succeeded = week.buckets.reduce((sum, bucket) => sum + bucket.succeeded, 0);
  expect(succeeded).toBe(4);
  expect(attempts).toBeGreaterThanOrEqual(5);

  await expect(range.getByRole("radio", { name: "7d" })).toBeChecked();
  await expect(range.getByRole("radio", { name: "24h" })).not.toBeChecked();
  await expect(page.locator("[aria-live=polite]", { hasText: "in the last 7 days" })).toContainText(
    `${attempts} attempts in the last 7 days, ${Math.round((succeeded / attempts) * 100)}% succeeded`,
  );
  // The table under the chart: a row per 6-hour bucket, named by its start, with that bucket's success rate.
  await expect(table.getByRole("rowheader")).toHaveText(
    week.buckets.map((bucket) => sixHours.format(new Date(bucket.start))),
  );
  await expect(table.getByRole("cell")).toHaveText(
    week.buckets.map((bucket) =>
      bucket.attempts === 0 ? "—" : `${Math.round((bucket.succeeded / bucket.attempts) * 100)}%`,
    ),
  );

  // Rotate the secret: the new one is shown once, and the old one keeps signing for 24 h.
  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page
    .getByRole("dialog", { name: /Rotate the signing secret/ })
    .getByRole("button", { name: "Rotate secret" })
    .click();
  const revealed = page.getByRole("dialog", { name: "New signing secret" });
  const rotated = (await revealed.locator("code[data-secret]").textContent())?.trim() ?? "";
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await revealed.getByRole("button", { name: "Done" }).click();
  // A day from the rotation, to the minute (it happened within the last minute or two).
  const aDayOn = [0, 1, 2].map((minutesAgo) =>
    dayAndMinute.format(new Date(Date.now() + 24 * hourMs - minutesAgo * 60_000)).replace(/[^\w\s]/g, "\\$&"),
  );
  await expect(page.getByTestId("previous-secret-valid-until")).toHaveText(
    new RegExp(`^Previous secret valid until (${aDayOn.join("|")})$`),
  );

  await api.dispose();
  await receiver.close();
});

test("failed deliveries since a moment are recovered after it is chosen; a moment still to come is refused in words", async ({
  page,
  playwright,
}) => {
  const receiver = await startReceiver(undefined, () => ({ status: 500, body: "down" }));
  const { slug } = await ownerOfNewOrg(page, { orgName: "Recover Co" });
  const api = await publisherApi(page, playwright.request, slug, ["events:write", "webhooks:write"]);
  const created = await api.post("/api/v1/webhooks", {
    data: { name: "Flaky receiver", url: receiver.url, activationRequired: false },
  });
  expect(created.status()).toBe(201);
  const webhookId = ((await created.json()) as { id: string }).id;
  expect((await api.post("/api/v1/events", { data: { type: "test", payload: { n: 1 } } })).status()).toBe(202);
  await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBe(1);
  // The schedule would take days to give up: the delivery is marked failed as it would end.
  await expect
    .poll(
      async () =>
        (
          await query(
            `UPDATE "Delivery" SET status = 'failed', "nextAttemptAt" = NULL
           WHERE "webhookId" = $1 AND status IN ('retrying', 'failed') RETURNING id`,
            [webhookId],
          )
        ).length,
    )
    .toBe(1);
  receiver.answer(() => ({ status: 200, body: "back" }));

  await page.goto(`/${slug}/webhooks/${webhookId}`);
  await page.getByRole("button", { name: "Recover failed since…" }).click();
  const dialog = page.getByRole("dialog", { name: "Recover failed deliveries" });
  const since = dialog.getByLabel("Since");
  const local = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await since.fill(local(new Date(Date.now() + 2 * hourMs)));
  await dialog.getByRole("button", { name: "Recover", exact: true }).click();
  await expect(dialog).toContainText("Choose a moment in the past: nothing has failed since a time still to come.");
  expect(receiver.requests).toHaveLength(1);

  await since.fill(local(new Date(Date.now() - hourMs)));
  await dialog.getByRole("button", { name: "Recover", exact: true }).click();
  await expect(page.getByText("1 failed delivery queued")).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBe(2);
  await expect(page.getByTestId("latest-delivery")).toContainText("Succeeded", { timeout: 20_000 });

  await api.dispose();
  await receiver.close();
});
