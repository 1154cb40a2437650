CREATE TABLE "rollup_resolved_daily" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"dim_value" text NOT NULL,
	"day" date NOT NULL,
	"previous_day" date NOT NULL,
	"conversations" integer NOT NULL,
	CONSTRAINT "rollup_resolved_daily_workspace_id_dimension_dim_value_day_previous_day_pk" PRIMARY KEY("workspace_id","dimension","dim_value","day","previous_day")
);
--> statement-breakpoint
ALTER TABLE "rollup_conversations_daily" DROP COLUMN "resolved";