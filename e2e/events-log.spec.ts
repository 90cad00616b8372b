import { expect, test } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { startReceiver } from "../test/receiver";
import { query } from "./fixtures/db";
import { publisherApi } from "./fixtures/tokens";
import { ownerOfNewOrg } from "./fixtures/accounts";

test("the event log finds an event by its payload and type, keeps the search in the URL, and shows where it went", async ({
  page,
  playwright,
}) => {
  const receiver = await startReceiver();
  const { slug } = await ownerOfNewOrg(page, { orgName: "Event Log Co" });

  // A machine creates a webhook and publishes two events to it.
  const api = await publisherApi(page, playwright.request, slug, ["events:read", "events:write", "webhooks:write"]);
  const created = await api.post("/api/v1/webhooks", {
    data: { name: "Orders receiver", url: receiver.url, activationRequired: false },
  });
  expect(created.status()).toBe(201);
  const webhookId = ((await created.json()) as { id: string }).id;
  const publish = async (type: string, payload: object) => {
    const response = await api.post("/api/v1/events", { data: { type, payload } });
    expect(response.status()).toBe(202);
    return ((await response.json()) as { id: string }).id;
  };
  const order = await publish("test", { order: { id: "ORD-7731" }, customer: "grace@example.com" });
  const analysis = await publish("analysis.completed", { branch: "main", status: "OK" });
  await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);

  await page.goto(`/${slug}/events`);
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  const rows = page.getByTestId("event-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(analysis);
  await expect(rows.filter({ hasText: order })).toContainText("1 succeeded", { timeout: 20_000 });

  // By text in the payload, ignoring case: only the order, and the URL says so.
  await page.getByLabel("Text in the payload").fill("ord-7731");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=ord-7731/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(order);

  // By type: a choice applies at once; the text search was cleared first.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(rows).toHaveCount(2);
  await page.getByLabel("Event type").selectOption("analysis.completed");
  await expect(page).toHaveURL(/[?&]type=analysis\.completed/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(analysis);

  // A reload (or a shared link) shows the same search.
  await page.reload();
  await expect(page.getByLabel("Event type")).toHaveValue("analysis.completed");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(analysis);

  // A search that finds nothing says so.
  await page.getByLabel("Text in the payload").fill("no such text");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("No events match this search")).toBeVisible();
  await page.goBack();
  await expect(rows).toHaveCount(1);

  // Open it: where it went, in words, with a link to the webhook; and its payload.
  await page.getByRole("button", { name: `View event ${analysis}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("analysis.completed");
  const delivery = dialog.getByTestId("event-delivery");
  await expect(delivery).toHaveCount(1);
  await expect(delivery).toContainText("Succeeded", { timeout: 20_000 });
  await expect(delivery).toContainText("1 attempt");
  await expect(delivery).toContainText("HTTP 200");
  await expect(delivery.getByRole("link", { name: "Orders receiver" })).toHaveAttribute(
    "href",
    `/${slug}/webhooks/${webhookId}`,
  );
  await expect(dialog.getByRole("region", { name: "Payload" })).toContainText('"branch": "main"');
  await expect(page).toHaveURL(new RegExp(`[?&]event=${analysis}`));
  // The list with its rows and the open dialog: no serious or critical axe finding.
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]event=/);

  // By the delivery's id: the event it carried.
  const deliveryId = (await api.get(`/api/v1/events/${order}`).then((response) => response.json())) as {
    deliveries: Array<{ id: string }>;
  };
  await page.getByRole("button", { name: "Clear filters" }).click();
  // The form starts afresh once the cleared filters reach it; typing before then would be wiped.
  await expect(page.getByRole("button", { name: "Clear filters" })).toBeHidden();
  await page.getByLabel("Event or delivery id").fill(deliveryId.deliveries[0]!.id);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]deliveryId=dlv_/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(order);

  // At 390 px the page does not scroll sideways: the table scrolls inside its card, the dialog fits.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(rows).toHaveCount(2);
  const sideways = () =>
    page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(await sideways()).toBe(false);
  await page.getByRole("button", { name: `View event ${order}` }).click();
  await expect(dialog.getByTestId("event-delivery")).toContainText("Orders receiver");
  expect(await sideways()).toBe(false);
  expect(await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

  await api.dispose();
  await receiver.close();
});

test("failed deliveries of the events matching a search are replayed after a confirmation that says how many", async ({
  page,
  playwright,
}) => {
  const receiver = await startReceiver(undefined, () => ({ status: 500, body: "down" }));
  const { slug } = await ownerOfNewOrg(page, { orgName: "Replay Co" });
  const api = await publisherApi(page, playwright.request, slug, ["events:write", "webhooks:write"]);
  const created = await api.post("/api/v1/webhooks", {
    data: { name: "Flaky receiver", url: receiver.url, activationRequired: false },
  });
  expect(created.status()).toBe(201);
  const published = await api.post("/api/v1/events", { data: { type: "test", payload: { invoice: "INV-1" } } });
  const eventId = ((await published.json()) as { id: string }).id;
  await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  // The retry schedule would take days to give up: the delivery is marked failed as it would end.
  await expect
    .poll(async () => {
      const rows = await query(
        `UPDATE "Delivery" d SET status = 'failed', "nextAttemptAt" = NULL FROM "DeliveryEvent" de
         WHERE de."deliveryId" = d.id AND de."eventId" = $1 AND d.status = 'retrying' RETURNING d.id`,
        [eventId],
      );
      return rows.length;
    })
    .toBe(1);

  await page.goto(`/${slug}/events?status=failed`);
  const rows = page.getByTestId("event-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("1 failed");
  receiver.answer(() => ({ status: 200, body: "back" }));
  const before = receiver.requests.length;

  await page.getByRole("button", { name: "Replay failed…" }).click();
  const dialog = page.getByRole("dialog", { name: "Replay 1 failed delivery?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Replay 1 failed delivery" }).click();
  await expect(page.getByText("1 failed delivery queued")).toBeVisible();
  await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBe(before + 1);
  await page.goto(`/${slug}/events`);
  await expect(rows.first()).toContainText("1 succeeded", { timeout: 20_000 });
});

test("deliveries picked across events are replayed after a confirmation that says how many, and the selection clears", async ({
  page,
  playwright,
}) => {
  // One receiver for two webhooks: "flaky" is down until the test brings it back, "steady" always answers.
  const receiver = await startReceiver(undefined, (request) =>
    request.path.includes("flaky") ? { status: 500, body: "down" } : { status: 200, body: "ok" },
  );
  const { slug } = await ownerOfNewOrg(page, { orgName: "Pick Co" });
  const api = await publisherApi(page, playwright.request, slug, ["events:write", "webhooks:write"]);
  for (const [name, path] of [
    ["Flaky receiver", "flaky"],
    ["Steady receiver", "steady"],
  ] as const) {
    const created = await api.post("/api/v1/webhooks", {
      data: { name, url: `${receiver.url}/${path}`, activationRequired: false },
    });
    expect(created.status()).toBe(201);
  }
  const publish = async (payload: object) => {
    const response = await api.post("/api/v1/events", { data: { type: "test", payload } });
    expect(response.status()).toBe(202);
    return ((await response.json()) as { id: string }).id;
  };
  const first = await publish({ invoice: "INV-1" });
  const second = await publish({ invoice: "INV-2" });
  await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
  // The flaky webhook's schedule would take days to give up: its deliveries are marked failed as they would end.
  await expect
    .poll(async () => {
      const rows = await query(
        `UPDATE "Delivery" d SET status = 'failed', "nextAttemptAt" = NULL FROM "DeliveryEvent" de
         WHERE de."deliveryId" = d.id AND de."eventId" = ANY($1) AND d.status IN ('retrying', 'failed') RETURNING d.id`,
        [[first, second]],
      );
      return rows.length;
    })
    .toBe(2);
  const sentTo = (path: string) => receiver.requests.filter((request) => request.path.includes(path)).length;
  await expect.poll(() => sentTo("steady"), { timeout: 20_000 }).toBe(2);

  await page.goto(`/${slug}/events`);
  const rows = page.getByTestId("event-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: first })).toContainText("1 succeeded", { timeout: 20_000 });

  // In the first event: its failed delivery and the one that succeeded.
  await page.getByRole("button", { name: `View event ${first}` }).click();
  const dialog = page.getByRole("dialog", { name: `Event ${first}` });
  const pick = (webhook: string) =>
    dialog.getByRole("checkbox", { name: `Select the delivery to ${webhook} for a replay` });
  await expect(dialog.getByTestId("event-delivery")).toHaveCount(2);
  await expect(dialog.getByTestId("event-delivery").filter({ hasText: "Flaky receiver" })).toContainText("Failed");
  await pick("Flaky receiver").check();
  await pick("Steady receiver").check();
  await expect(dialog.getByRole("button", { name: "Replay selected (2)" })).toBeVisible();
  // The open event with its boxes ticked: no serious or critical axe finding.
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The selection stays while another event is opened; the list says where the picks are.
  const selectionBar = page.getByTestId("delivery-selection");
  await expect(selectionBar).toContainText("2 deliveries selected");
  await expect(rows.filter({ hasText: first })).toContainText("2 selected");
  await page.getByRole("button", { name: `View event ${second}` }).click();
  const secondDialog = page.getByRole("dialog", { name: `Event ${second}` });
  await secondDialog.getByRole("checkbox", { name: "Select the delivery to Flaky receiver for a replay" }).check();
  receiver.answer(() => ({ status: 200, body: "back" }));
  const before = receiver.requests.length;

  // The confirmation opens above the event and says how many, and that one already arrived.
  await secondDialog.getByRole("button", { name: "Replay selected (3)" }).click();
  const confirm = page.getByRole("dialog", { name: "Replay 3 deliveries?" });
  await expect(confirm).toContainText("One of them succeeded before");
  expect(await seriousViolations(page)).toEqual([]);
  await confirm.getByRole("button", { name: "Replay 3 deliveries" }).click();
  await expect(page.getByText("3 deliveries queued")).toBeVisible();
  await expect(confirm).toBeHidden();
  await expect(secondDialog).toBeVisible();
  // The replayed delivery is on its way again, so its box may already be gone: none is ticked either way.
  await expect(secondDialog.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await expect(secondDialog.getByRole("button", { name: /Replay selected/ })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(selectionBar).toBeHidden();

  // Each picked delivery went once more, and only those.
  await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBe(before + 3);
  expect(receiver.requests.slice(before).filter((request) => request.path.includes("flaky"))).toHaveLength(2);
  await page.reload();
  await expect(rows.filter({ hasText: first })).toContainText("2 succeeded", { timeout: 20_000 });
  await expect(rows.filter({ hasText: second })).toContainText("2 succeeded", { timeout: 20_000 });
  expect(receiver.requests.length).toBe(before + 3);

  await api.dispose();
  await receiver.close();
});
