import type { FormatEvent, FormatInput } from "@/lib/wire/formats/request";

/** A format test's input: one event on a plain webhook, with whatever a test changes. */
export function formatInput(
  webhook: Partial<FormatInput["webhook"]> = {},
  events: FormatEvent[] = [testEvent()],
  retriesDone = 0,
): FormatInput {
  return {
    webhook: {
      id: "wh_1",
      url: "https://receiver.example/hook",
      format: "standard",
      headers: {},
      extraPayload: {},
      secrets: [],
      token: null,
      basicAuth: null,
      projectKey: null,
      ...webhook,
    },
    delivery: { id: "dlv_1", createdAt: new Date("2026-03-01T10:00:00.000Z"), retriesDone },
    events,
    now: new Date("2026-03-01T10:05:00.000Z"),
  };
}

export function testEvent(overrides: Partial<FormatEvent> = {}): FormatEvent {
  return {
    id: "evt_1",
    type: "project_sca_analysis_finished",
    createdAt: new Date("2026-03-01T09:59:58.000Z"),
    payload: { project_id: 7, project_name: "billing" },
    properties: {},
    projectKey: null,
    ...overrides,
  };
}

export const parsedBody = (body: string) => JSON.parse(body) as Record<string, unknown>;
