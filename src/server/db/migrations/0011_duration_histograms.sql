-- Duration rollups: one row per day, dimension value and figure holding the whole histogram
-- (src/shared/metrics/histogram.ts: the occupied buckets in ascending order as big-endian int4,
-- one value as itself, two as both, more as -count, min, max) instead of one row per occupied
-- bucket. The existing bucket rows are folded into that form exactly as build.ts now writes
-- it, so no rebuild is needed.
CREATE TEMPORARY TABLE "rollup_durations_folded" AS
SELECT "workspace_id", "dimension", "dim_value", "day", "metric",
       sum("count")::integer AS "count", sum("total") AS "total",
       string_agg(CASE "count" WHEN 1 THEN int4send("min")
                                WHEN 2 THEN int4send("min") || int4send("max")
                                ELSE int4send(-"count") || int4send("min") || int4send("max") END,
                  ''::bytea ORDER BY "bucket") AS "histogram"
  FROM "rollup_durations_daily"
 GROUP BY "workspace_id", "dimension", "dim_value", "day", "metric";--> statement-breakpoint
TRUNCATE "rollup_durations_daily";--> statement-breakpoint
ALTER TABLE "rollup_durations_daily" DROP CONSTRAINT "rollup_durations_daily_workspace_id_dimension_metric_day_dim_value_bucket_pk";--> statement-breakpoint
ALTER TABLE "rollup_durations_daily" ADD CONSTRAINT "rollup_durations_daily_workspace_id_dimension_metric_day_dim_value_pk" PRIMARY KEY("workspace_id","dimension","metric","day","dim_value");--> statement-breakpoint
ALTER TABLE "rollup_durations_daily" ADD COLUMN "histogram" "bytea" NOT NULL;--> statement-breakpoint
ALTER TABLE "rollup_durations_daily" DROP COLUMN "bucket";--> statement-breakpoint
ALTER TABLE "rollup_durations_daily" DROP COLUMN "min";--> statement-breakpoint
ALTER TABLE "rollup_durations_daily" DROP COLUMN "max";--> statement-breakpoint
INSERT INTO "rollup_durations_daily" ("workspace_id", "dimension", "dim_value", "day", "metric", "count", "total", "histogram")
SELECT "workspace_id", "dimension", "dim_value", "day", "metric", "count", "total", "histogram" FROM "rollup_durations_folded";--> statement-breakpoint
DROP TABLE "rollup_durations_folded";
