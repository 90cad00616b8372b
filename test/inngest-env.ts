// Imported first by test files that run the delivery engine: the Inngest client reads INNGEST_DEV
// when lib/env loads, so the local executor's address must be known before then. One port per
// vitest worker keeps parallel files apart.
export const localInngestPort = 18_288 + Number(process.env.VITEST_POOL_ID ?? 0);
process.env.INNGEST_DEV = `http://127.0.0.1:${localInngestPort}`;
