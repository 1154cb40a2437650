CREATE TABLE "email_messages" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"purpose" text NOT NULL,
	"ref_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "email_messages_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"workspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_suppressions_workspace_id_email_pk" PRIMARY KEY("workspace_id","email")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"workspace_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"option_id" text DEFAULT '' NOT NULL,
	"score" smallint,
	"text" text,
	"skipped" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_answers_workspace_id_response_id_question_id_option_id_pk" PRIMARY KEY("workspace_id","response_id","question_id","option_id")
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"contact_id" uuid,
	"conversation_id" uuid,
	"cycle" integer,
	"delivery" text NOT NULL,
	"language" text NOT NULL,
	"status" text NOT NULL,
	"agent_id" uuid,
	"team_id" uuid,
	"channel" text,
	"touchpoint" text,
	"email" text,
	"scheduled_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_invitations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"invitation_id" uuid,
	"kind" text NOT NULL,
	"score" smallint,
	"comment" text,
	"contact_id" uuid,
	"conversation_id" uuid,
	"cycle" integer,
	"delivery" text NOT NULL,
	"language" text NOT NULL,
	"agent_id" uuid,
	"team_id" uuid,
	"channel" text,
	"touchpoint" text,
	"search_vector" "tsvector",
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_responses_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"workspace_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_versions_workspace_id_survey_id_version_pk" PRIMARY KEY("workspace_id","survey_id","version")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	"template" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_workspace_id_response_id_survey_responses_workspace_id_id_fk" FOREIGN KEY ("workspace_id","response_id") REFERENCES "public"."survey_responses"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_workspace_id_survey_id_surveys_workspace_id_id_fk" FOREIGN KEY ("workspace_id","survey_id") REFERENCES "public"."surveys"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_workspace_id_survey_id_surveys_workspace_id_id_fk" FOREIGN KEY ("workspace_id","survey_id") REFERENCES "public"."surveys"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_workspace_id_survey_id_surveys_workspace_id_id_fk" FOREIGN KEY ("workspace_id","survey_id") REFERENCES "public"."surveys"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_messages_created_idx" ON "email_messages" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "email_messages_ref_idx" ON "email_messages" USING btree ("workspace_id","ref_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_contact_idx" ON "survey_invitations" USING btree ("workspace_id","contact_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_survey_idx" ON "survey_invitations" USING btree ("workspace_id","survey_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_status_idx" ON "survey_invitations" USING btree ("workspace_id","status","scheduled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_cycle_key" ON "survey_invitations" USING btree ("workspace_id","survey_id","conversation_id","cycle") WHERE "survey_invitations"."conversation_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_invitation_key" ON "survey_responses" USING btree ("workspace_id","invitation_id") WHERE "survey_responses"."invitation_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("workspace_id","survey_id","submitted_at");--> statement-breakpoint
CREATE INDEX "survey_responses_contact_idx" ON "survey_responses" USING btree ("workspace_id","contact_id","submitted_at");--> statement-breakpoint
CREATE INDEX "survey_responses_conversation_idx" ON "survey_responses" USING btree ("workspace_id","conversation_id");--> statement-breakpoint
CREATE INDEX "survey_responses_submitted_idx" ON "survey_responses" USING btree ("workspace_id","submitted_at");--> statement-breakpoint
CREATE INDEX "survey_responses_search_idx" ON "survey_responses" USING gin ("workspace_id","search_vector");--> statement-breakpoint
CREATE INDEX "surveys_status_idx" ON "surveys" USING btree ("workspace_id","status");