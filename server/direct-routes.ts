export interface DirectRoute {
  method: string;
  path: string;
  /** The route's folder under app/. */
  route: string;
  /**
   * The server reads at most this much of a body (one byte more, then stops): above the route's
   * own limit, so the handler still sees an oversized body and answers 413 as under Next.js.
   */
  maxBodyBytes: number;
}

const MB = 1024 * 1024;

/**
 * The routes the production server hands straight to their compiled handlers, bypassing Next.js's
 * request pipeline: the ones called in a hot loop by machines, never by a browser. A publish (a
 * batch's body is at most 5 MB) and Inngest's calls into the functions (a run's state, sent with
 * every call, is at most 32 MB on Inngest).
 */
export const directRoutes: DirectRoute[] = [
  { method: "POST", path: "/api/v1/events", route: "api/v1/events", maxBodyBytes: 6 * MB },
  ...["GET", "POST", "PUT"].map((method) => ({
    method,
    path: "/api/inngest",
    route: "api/inngest",
    maxBodyBytes: 33 * MB,
  })),
];
