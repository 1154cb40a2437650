-- ANALYZE skips the payload columns of the tables written with every event, message and
-- delivery: nothing filters or joins on them (search reads search_vector), and their
-- statistics were most of ANALYZE's time (domain_events: 186 ms of 203 ms at 23 000 rows).
-- On PGlite that time is taken from requests (Koe analyzes there itself); on PostgreSQL
-- from autovacuum, which shares the machine.
ALTER TABLE "domain_events" ALTER COLUMN "data" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "conversation_events" ALTER COLUMN "data" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "recovery_case_events" ALTER COLUMN "data" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "data" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "body" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ALTER COLUMN "payload" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ALTER COLUMN "attempt_log" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "email_messages" ALTER COLUMN "text" SET STATISTICS 0;--> statement-breakpoint
ALTER TABLE "email_messages" ALTER COLUMN "html" SET STATISTICS 0;
