// Imported before lib/env loads: the soak test's outage is seconds long, so readiness must trip after 3 s of lag.
process.env.ENGINE_LAG_THRESHOLD_SECONDS = "3";
