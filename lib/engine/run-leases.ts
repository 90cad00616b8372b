// How long the engine trusts a sign of a live delivery run before it counts the run as lost.

/** An attempt "sending" for longer than this died with its process (a chain of six 30 s requests fits well inside). */
export const inFlightLeaseMs = 5 * 60_000;

/**
 * A delivery overdue by this much, of a webhook whose claim is at least this old, has no run on
 * its way: the one meant for it was lost. A live run refreshes its webhook's claim every round.
 */
export const lostRunAfterMs = 30_000;
