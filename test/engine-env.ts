// Imported first by test files that run the delivery engine. lib/env reads INNGEST_DEV and
// SMTP_URL when it loads, so the local executor's and the mail sink's addresses must be fixed
// before then. One pair of ports per vitest worker keeps parallel files apart.
const worker = Number(process.env.VITEST_POOL_ID ?? 0);
export const localInngestPort = 18_288 + worker;
export const smtpSinkPort = 12_525 + worker;
process.env.INNGEST_DEV = `http://127.0.0.1:${localInngestPort}`;
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpSinkPort}`;
