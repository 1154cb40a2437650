CREATE TABLE "automation_rules" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"position" integer NOT NULL,
	"trigger" jsonb NOT NULL,
	"conditions" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "automation_rules_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "automation_runs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"event_key" text NOT NULL,
	"event_type" text NOT NULL,
	"conversation_id" uuid,
	"status" text NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "automation_runs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"daily_digest" boolean DEFAULT false NOT NULL,
	"digest_hour" integer DEFAULT 9 NOT NULL,
	"last_digest_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preferences_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"event_id" uuid,
	"read_at" timestamp with time zone,
	"digested_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notifications_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event_id" uuid,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"attempt_log" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"event_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"secret" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_endpoints_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"conversation_id" uuid,
	"contact_id" uuid,
	"subject_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"origin_rule_id" uuid,
	"actor_type" text,
	"actor_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"dispatched_at" timestamp with time zone,
	CONSTRAINT "domain_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"cycle" integer NOT NULL,
	"from_tier" text NOT NULL,
	"to_tier" text NOT NULL,
	"from_user_id" uuid,
	"from_team_id" uuid,
	"to_user_id" uuid,
	"to_team_id" uuid,
	"reason" text NOT NULL,
	"rule_id" uuid,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"channel" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "escalations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "recovery_action_items" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recovery_action_items_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "recovery_case_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recovery_case_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "recovery_cases" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" integer NOT NULL,
	"contact_id" uuid NOT NULL,
	"conversation_id" uuid,
	"response_id" uuid,
	"source" text NOT NULL,
	"trigger_kind" text,
	"trigger_score" smallint,
	"trigger_comment" text,
	"reason" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"channel" text,
	"language" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"playbook" jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"first_contact_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"follow_up_invitation_id" uuid,
	"outcome" text,
	"outcome_score" smallint,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recovery_cases_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "recovery_playbooks" (
	"workspace_id" uuid NOT NULL,
	"language" text NOT NULL,
	"steps" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recovery_playbooks_workspace_id_language_pk" PRIMARY KEY("workspace_id","language")
);
--> statement-breakpoint
CREATE TABLE "recovery_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"thresholds" jsonb NOT NULL,
	"first_contact_seconds" integer NOT NULL,
	"calendar_id" uuid,
	"follow_up_survey_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_response_seconds" integer,
	"next_response_seconds" integer,
	"resolution_seconds" integer,
	"calendar_id" uuid,
	"warn_at_percent" smallint DEFAULT 80 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sla_policies_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "sla_targets" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"cycle" integer NOT NULL,
	"kind" text NOT NULL,
	"sequence" integer DEFAULT 1 NOT NULL,
	"policy_id" uuid NOT NULL,
	"target_seconds" integer NOT NULL,
	"calendar_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"warn_at" timestamp with time zone,
	"remaining_seconds" integer,
	"paused_at" timestamp with time zone,
	"status" text NOT NULL,
	"warned_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"met_at" timestamp with time zone,
	"agent_id" uuid,
	"team_id" uuid,
	"channel" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sla_targets_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "escalation_tier" text DEFAULT 'agent' NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD COLUMN "recovery_case_id" uuid;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "tier" text DEFAULT 'agent' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "automation_runs_event_key" ON "automation_runs" USING btree ("workspace_id","rule_id","event_key");--> statement-breakpoint
CREATE INDEX "automation_runs_created_idx" ON "automation_runs" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("workspace_id","user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_event_key" ON "notifications" USING btree ("workspace_id","user_id","event_id","type") WHERE "notifications"."event_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_key" ON "webhook_deliveries" USING btree ("workspace_id","endpoint_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("workspace_id","endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" in ('pending', 'retrying');--> statement-breakpoint
CREATE INDEX "domain_events_pending_idx" ON "domain_events" USING btree ("occurred_at","id") WHERE "domain_events"."dispatched_at" is null;--> statement-breakpoint
CREATE INDEX "domain_events_type_idx" ON "domain_events" USING btree ("workspace_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "domain_events_conversation_idx" ON "domain_events" USING btree ("workspace_id","conversation_id","occurred_at");--> statement-breakpoint
CREATE INDEX "escalations_conversation_idx" ON "escalations" USING btree ("workspace_id","conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "escalations_created_idx" ON "escalations" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "recovery_action_items_case_idx" ON "recovery_action_items" USING btree ("workspace_id","case_id");--> statement-breakpoint
CREATE INDEX "recovery_case_events_case_idx" ON "recovery_case_events" USING btree ("workspace_id","case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "recovery_case_events_contact_idx" ON "recovery_case_events" USING btree ("workspace_id","contact_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "recovery_cases_number_key" ON "recovery_cases" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "recovery_cases_open_conversation_key" ON "recovery_cases" USING btree ("workspace_id","conversation_id") WHERE "recovery_cases"."conversation_id" is not null and "recovery_cases"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "recovery_cases_status_idx" ON "recovery_cases" USING btree ("workspace_id","status","due_at");--> statement-breakpoint
CREATE INDEX "recovery_cases_contact_idx" ON "recovery_cases" USING btree ("workspace_id","contact_id","opened_at");--> statement-breakpoint
CREATE INDEX "recovery_cases_opened_idx" ON "recovery_cases" USING btree ("workspace_id","opened_at");--> statement-breakpoint
CREATE INDEX "recovery_cases_due_idx" ON "recovery_cases" USING btree ("due_at") WHERE "recovery_cases"."first_contact_at" is null and "recovery_cases"."overdue_notified_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "sla_policies_default_key" ON "sla_policies" USING btree ("workspace_id") WHERE "sla_policies"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "sla_targets_key" ON "sla_targets" USING btree ("workspace_id","conversation_id","cycle","kind","sequence");--> statement-breakpoint
CREATE INDEX "sla_targets_running_idx" ON "sla_targets" USING btree ("due_at") WHERE "sla_targets"."status" = 'active';--> statement-breakpoint
CREATE INDEX "sla_targets_warn_idx" ON "sla_targets" USING btree ("warn_at") WHERE "sla_targets"."status" = 'active' and "sla_targets"."warned_at" is null;--> statement-breakpoint
CREATE INDEX "sla_targets_started_idx" ON "sla_targets" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE INDEX "conversations_sla_due_idx" ON "conversations" USING btree ("workspace_id","sla_due_at") WHERE "conversations"."sla_due_at" is not null;