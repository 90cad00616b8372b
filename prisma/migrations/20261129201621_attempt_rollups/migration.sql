-- DropIndex
DROP INDEX "Attempt_orgId_deliveryId_number_idx";

-- DropIndex
DROP INDEX "Delivery_orgId_webhookId_createdAt_idx";

-- CreateTable
CREATE TABLE "AttemptHourly" (
    "orgId" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL,
    "succeeded" INTEGER NOT NULL,
    "durationMsSum" BIGINT NOT NULL,
    "latency" INTEGER[],

    CONSTRAINT "AttemptHourly_pkey" PRIMARY KEY ("orgId","webhookId","hour")
);

-- CreateTable
CREATE TABLE "AttemptDaily" (
    "orgId" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL,
    "succeeded" INTEGER NOT NULL,
    "durationMsSum" BIGINT NOT NULL,
    "latency" INTEGER[],

    CONSTRAINT "AttemptDaily_pkey" PRIMARY KEY ("orgId","webhookId","day")
);

-- CreateIndex
CREATE INDEX "AttemptHourly_hour_idx" ON "AttemptHourly"("hour");

-- CreateIndex
CREATE INDEX "AttemptDaily_day_idx" ON "AttemptDaily"("day");

-- CreateIndex
CREATE INDEX "Delivery_orgId_webhookId_createdAt_id_idx" ON "Delivery"("orgId", "webhookId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Attempt_deliveryId_number_idx" ON "Attempt"("deliveryId", "number" DESC);

-- AddForeignKey
ALTER TABLE "AttemptHourly" ADD CONSTRAINT "AttemptHourly_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptHourly" ADD CONSTRAINT "AttemptHourly_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptDaily" ADD CONSTRAINT "AttemptDaily_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptDaily" ADD CONSTRAINT "AttemptDaily_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand from here: the rollup's functions, its trigger and its backfill.

-- Upper bounds (ms) of the latency histogram's buckets, about 10 per decade (round(10^(k/10)))
-- from 1 ms to 60 s; a last bucket holds everything slower. latencyBucketBounds in
-- lib/deliveries/latency-histogram.ts is the same list (a test compares them).
CREATE FUNCTION latency_bucket_bounds() RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '{1,2,3,4,5,6,8,10,13,16,20,25,32,40,50,63,79,100,126,158,200,251,316,398,501,631,794,1000,1259,1585,1995,2512,3162,3981,5012,6310,7943,10000,12589,15849,19953,25119,31623,39811,50119,60000}'::integer[]
$$;

-- Adds one duration to a histogram: bucket i (1-based) counts durations in (bound[i-1], bound[i]].
-- width_bucket(x, bounds) counts the bounds <= x, so with x = duration - 1 it counts those below it.
CREATE FUNCTION latency_histogram_step(histogram integer[], duration_ms integer) RETURNS integer[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  bucket integer := width_bucket(duration_ms - 1, latency_bucket_bounds()) + 1;
BEGIN
  IF histogram IS NULL THEN
    histogram := array_fill(0, ARRAY[cardinality(latency_bucket_bounds()) + 1]);
  END IF;
  histogram[bucket] := histogram[bucket] + 1;
  RETURN histogram;
END
$$;

-- Element-wise sum of two histograms (a NULL one counts as empty); the first is updated in place.
CREATE FUNCTION latency_histogram_add(a integer[], b integer[]) RETURNS integer[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF a IS NULL THEN RETURN b; END IF;
  IF b IS NULL THEN RETURN a; END IF;
  FOR i IN 1 .. cardinality(b) LOOP
    a[i] := a[i] + b[i];
  END LOOP;
  RETURN a;
END
$$;

-- latency_histogram("durationMs"): the histogram of a group of attempts.
CREATE AGGREGATE latency_histogram(integer) (
  SFUNC = latency_histogram_step,
  STYPE = integer[],
  COMBINEFUNC = latency_histogram_add,
  PARALLEL = SAFE
);

-- latency_histogram_sum(latency): the histogram of several hours together.
CREATE AGGREGATE latency_histogram_sum(integer[]) (
  SFUNC = latency_histogram_add,
  STYPE = integer[],
  COMBINEFUNC = latency_histogram_add,
  PARALLEL = SAFE
);

-- Folds each INSERT statement's attempts into their hours and days: one trigger call per statement,
-- however many rows it wrote. Rows are upserted in key order so that concurrent statements lock
-- them in the same order and cannot deadlock on each other.
CREATE FUNCTION attempt_rollup_record() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH hours AS (
    SELECT a."orgId", d."webhookId", date_trunc('hour', a."createdAt") AS "hour", count(*)::integer AS "attempts",
           (count(*) FILTER (WHERE a."success"))::integer AS "succeeded", sum(a."durationMs") AS "durationMsSum",
           latency_histogram(a."durationMs") AS "latency"
    FROM new_rows a
    JOIN "Delivery" d ON d."id" = a."deliveryId"
    GROUP BY 1, 2, 3
  ), hourly AS (
    INSERT INTO "AttemptHourly" AS h ("orgId", "webhookId", "hour", "attempts", "succeeded", "durationMsSum", "latency")
    SELECT * FROM hours
    ORDER BY 1, 2, 3
    ON CONFLICT ("orgId", "webhookId", "hour") DO UPDATE SET
      "attempts" = h."attempts" + excluded."attempts",
      "succeeded" = h."succeeded" + excluded."succeeded",
      "durationMsSum" = h."durationMsSum" + excluded."durationMsSum",
      "latency" = latency_histogram_add(h."latency", excluded."latency")
  )
  INSERT INTO "AttemptDaily" AS r ("orgId", "webhookId", "day", "attempts", "succeeded", "durationMsSum", "latency")
  SELECT "orgId", "webhookId", date_trunc('day', "hour"), sum("attempts"), sum("succeeded"), sum("durationMsSum"), latency_histogram_sum("latency")
  FROM hours
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("orgId", "webhookId", "day") DO UPDATE SET
    "attempts" = r."attempts" + excluded."attempts",
    "succeeded" = r."succeeded" + excluded."succeeded",
    "durationMsSum" = r."durationMsSum" + excluded."durationMsSum",
    "latency" = latency_histogram_add(r."latency", excluded."latency");
  RETURN NULL;
END
$$;

-- The trigger comes before the backfill: creating it locks Attempt against inserts until this
-- migration commits, so no attempt lands between the backfill's snapshot and the trigger.
CREATE TRIGGER attempt_rollup_record
AFTER INSERT ON "Attempt"
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION attempt_rollup_record();

-- Backfill from the attempts recorded so far: the hours, then the days from the hours.
INSERT INTO "AttemptHourly" ("orgId", "webhookId", "hour", "attempts", "succeeded", "durationMsSum", "latency")
SELECT a."orgId", d."webhookId", date_trunc('hour', a."createdAt"), count(*), count(*) FILTER (WHERE a."success"),
       sum(a."durationMs"), latency_histogram(a."durationMs")
FROM "Attempt" a
JOIN "Delivery" d ON d."id" = a."deliveryId"
GROUP BY 1, 2, 3;

INSERT INTO "AttemptDaily" ("orgId", "webhookId", "day", "attempts", "succeeded", "durationMsSum", "latency")
SELECT "orgId", "webhookId", date_trunc('day', "hour"), sum("attempts"), sum("succeeded"), sum("durationMsSum"), latency_histogram_sum("latency")
FROM "AttemptHourly"
GROUP BY 1, 2, 3;
