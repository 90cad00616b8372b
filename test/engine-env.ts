// Imported first by test files that run the delivery engine. lib/env reads the Inngest settings,
// APP_URL and SMTP_URL when it loads, so the local executor's, the app's and the mail sink's
// addresses, and the executor's keys, must be fixed before then. One set of ports per test
// process (its slot, test/worker-slot.ts) keeps parallel files apart; TEST_PORT_OFFSET keeps
// checkouts tested side by side apart.
const worker = Number(process.env.TEST_WORKER_SLOT ?? 0) + Number(process.env.TEST_PORT_OFFSET ?? 0);
export const localInngestPort = 18_288 + worker;
export const smtpSinkPort = 12_525 + worker;
/** APP_URL's port: the /api/inngest route registers itself under APP_URL, so the executor calls it here. */
export const appPort = 17_300 + worker;
export const inngestKeys = {
  signingKey: `signkey-test-${"5e".repeat(32)}`,
  eventKey: "test-event-key",
};
process.env.INNGEST_BASE_URL = `http://127.0.0.1:${localInngestPort}`;
process.env.INNGEST_SIGNING_KEY = inngestKeys.signingKey;
process.env.INNGEST_EVENT_KEY = inngestKeys.eventKey;
delete process.env.INNGEST_DEV;
process.env.APP_URL = `http://127.0.0.1:${appPort}`;
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpSinkPort}`;
