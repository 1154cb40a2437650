-- Answering an invitation changes its status and answered_at. With no index reading either,
-- PostgreSQL updates the row in place on its page (HOT) instead of adding a new entry to every
-- index of the table: the status index goes (nothing scans invitations by status alone), and
-- reminders are found by their due time instead of by status. Pages keep a fifth free for
-- those in-place versions (new pages; the table is not rewritten). Anonymous answers and answers
-- without a comment no longer get index entries that nothing would look up.
DROP INDEX "survey_invitations_status_idx";--> statement-breakpoint
DROP INDEX "survey_invitations_reminder_idx";--> statement-breakpoint
DROP INDEX "domain_events_conversation_idx";--> statement-breakpoint
DROP INDEX "survey_invitations_contact_idx";--> statement-breakpoint
DROP INDEX "survey_responses_contact_idx";--> statement-breakpoint
DROP INDEX "survey_responses_conversation_idx";--> statement-breakpoint
DROP INDEX "survey_responses_search_idx";--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD COLUMN "reminder_due_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "survey_invitations_reminder_due_idx" ON "survey_invitations" USING btree ("reminder_due_at") WHERE "survey_invitations"."reminder_due_at" is not null;--> statement-breakpoint
CREATE INDEX "domain_events_conversation_idx" ON "domain_events" USING btree ("workspace_id","conversation_id","occurred_at") WHERE "domain_events"."conversation_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_invitations_contact_idx" ON "survey_invitations" USING btree ("workspace_id","contact_id","created_at") WHERE "survey_invitations"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_responses_contact_idx" ON "survey_responses" USING btree ("workspace_id","contact_id","submitted_at") WHERE "survey_responses"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_responses_conversation_idx" ON "survey_responses" USING btree ("workspace_id","conversation_id") WHERE "survey_responses"."conversation_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_responses_search_idx" ON "survey_responses" USING gin ("workspace_id","search_vector") WHERE "survey_responses"."search_vector" is not null;--> statement-breakpoint
ALTER TABLE "survey_invitations" SET (fillfactor = 80);--> statement-breakpoint
-- Reminders still to come: email invitations reached but not answered, of surveys that ask for one.
UPDATE "survey_invitations" i
   SET "reminder_due_at" = i."sent_at" + make_interval(days => (s."settings" -> 'email' ->> 'reminderAfterDays')::int)
  FROM "surveys" s
 WHERE s."workspace_id" = i."workspace_id" AND s."id" = i."survey_id"
   AND i."delivery" = 'email' AND i."reminder_sent_at" IS NULL AND i."sent_at" IS NOT NULL
   AND i."status" IN ('sent', 'delivered', 'opened')
   AND jsonb_typeof(s."settings" -> 'email' -> 'reminderAfterDays') = 'number';
