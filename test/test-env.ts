// The settings every test file runs with, set before any of its imports read lib/env.
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_URL ??= "http://localhost:3000";
// Receivers in tests listen on loopback, which delivery refuses unless allow-listed.
process.env.DELIVERY_ALLOWED_CIDRS ??= "127.0.0.0/8,::1/128";
process.env.SECRETS_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;
