CREATE TABLE "rollup_conversations_daily" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"dim_value" text NOT NULL,
	"day" date NOT NULL,
	"created" integer NOT NULL,
	"resolved_cycles" integer NOT NULL,
	"one_touch" integer NOT NULL,
	"reopened" integer NOT NULL,
	"fcr_total" integer NOT NULL,
	"fcr_count" integer NOT NULL,
	"opened" integer NOT NULL,
	"closed" integer NOT NULL,
	CONSTRAINT "rollup_conversations_daily_workspace_id_dimension_day_dim_value_pk" PRIMARY KEY("workspace_id","dimension","day","dim_value")
);
--> statement-breakpoint
CREATE TABLE "rollup_created_hourly" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"dim_value" text NOT NULL,
	"day" date NOT NULL,
	"hour" smallint NOT NULL,
	"created" integer NOT NULL,
	CONSTRAINT "rollup_created_hourly_workspace_id_dimension_day_dim_value_hour_pk" PRIMARY KEY("workspace_id","dimension","day","dim_value","hour")
);
--> statement-breakpoint
CREATE TABLE "rollup_dirty_days" (
	"workspace_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "rollup_dirty_days_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"day" date NOT NULL,
	CONSTRAINT "rollup_dirty_days_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "rollup_durations_daily" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"dim_value" text NOT NULL,
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"bucket" integer NOT NULL,
	"count" integer NOT NULL,
	"total" double precision NOT NULL,
	"min" integer NOT NULL,
	"max" integer NOT NULL,
	CONSTRAINT "rollup_durations_daily_workspace_id_dimension_metric_day_dim_value_bucket_pk" PRIMARY KEY("workspace_id","dimension","metric","day","dim_value","bucket")
);
--> statement-breakpoint
CREATE TABLE "rollup_invitations_daily" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"dim_value" text NOT NULL,
	"day" date NOT NULL,
	"delivered" integer NOT NULL,
	"responded" integer NOT NULL,
	CONSTRAINT "rollup_invitations_daily_workspace_id_dimension_day_dim_value_pk" PRIMARY KEY("workspace_id","dimension","day","dim_value")
);
--> statement-breakpoint
CREATE TABLE "rollup_resolved_daily" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"dim_value" text NOT NULL,
	"day" date NOT NULL,
	"previous_day" date NOT NULL,
	"conversations" integer NOT NULL,
	CONSTRAINT "rollup_resolved_daily_workspace_id_dimension_day_dim_value_previous_day_pk" PRIMARY KEY("workspace_id","dimension","day","dim_value","previous_day")
);
--> statement-breakpoint
CREATE TABLE "rollup_responses_daily" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"dim_value" text NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"score" smallint NOT NULL,
	"responses" integer NOT NULL,
	CONSTRAINT "rollup_responses_daily_workspace_id_dimension_day_dim_value_kind_score_pk" PRIMARY KEY("workspace_id","dimension","day","dim_value","kind","score")
);
--> statement-breakpoint
CREATE TABLE "rollup_state" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"fcr_window_hours" integer NOT NULL,
	"built_at" timestamp with time zone NOT NULL
);
