import { inngest } from "@/inngest/client";
import { eventPublished } from "@/inngest/events";
import { startDeliveryEvent } from "@/inngest/signals";
import { fanOut } from "@/lib/deliveries/fan-out";

/** A published event becomes one delivery per matching webhook (or joins a batch), and each delivery's run starts. */
export const fanOutEvent = inngest.createFunction({ id: "fan-out", triggers: [eventPublished], retries: 10 }, async ({ event, step }) => {
  const toStart = await step.run("create deliveries", () => fanOut(event.data.eventId));
  if (toStart.length > 0) await step.sendEvent("start deliveries", toStart.map(startDeliveryEvent));
  return { started: toStart.length };
});
