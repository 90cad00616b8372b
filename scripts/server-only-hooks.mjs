// Module resolution hook (registered by scripts/server-only.mjs): resolves `server-only` with the
// `react-server` condition, as Next.js does for route handlers and server components, so it loads
// the package's empty module instead of the one that throws. Nothing else is resolved differently.
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: ["react-server", ...context.conditions] });
}
