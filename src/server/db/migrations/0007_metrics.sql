CREATE TABLE "business_calendars" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"ranges" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "business_calendars_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "calendar_holidays" (
	"workspace_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	"day" date NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "calendar_holidays_workspace_id_calendar_id_day_pk" PRIMARY KEY("workspace_id","calendar_id","day")
);
--> statement-breakpoint
CREATE TABLE "chart_annotations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"day" date NOT NULL,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chart_annotations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "metric_goals" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"metric" text NOT NULL,
	"scope" text NOT NULL,
	"scope_value" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"target" numeric NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "metric_goals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "conversation_cycles" ADD COLUMN "first_response_business_seconds" integer;--> statement-breakpoint
ALTER TABLE "conversation_cycles" ADD COLUMN "resolution_business_seconds" integer;--> statement-breakpoint
ALTER TABLE "conversation_cycles" ADD COLUMN "reopened" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "wait_seconds" integer;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "wait_business_seconds" integer;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "calendar_id" uuid;--> statement-breakpoint
ALTER TABLE "calendar_holidays" ADD CONSTRAINT "calendar_holidays_workspace_id_calendar_id_business_calendars_workspace_id_id_fk" FOREIGN KEY ("workspace_id","calendar_id") REFERENCES "public"."business_calendars"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "business_calendars_default_key" ON "business_calendars" USING btree ("workspace_id") WHERE "business_calendars"."is_default";--> statement-breakpoint
CREATE INDEX "chart_annotations_day_idx" ON "chart_annotations" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE INDEX "metric_goals_period_idx" ON "metric_goals" USING btree ("workspace_id","starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "conversation_cycles_first_response_idx" ON "conversation_cycles" USING btree ("workspace_id","first_response_at");--> statement-breakpoint
CREATE INDEX "messages_replies_idx" ON "messages" USING btree ("workspace_id","created_at") WHERE "messages"."wait_seconds" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_external_key" ON "survey_responses" USING btree ("workspace_id","external_id") WHERE "survey_responses"."external_id" is not null;