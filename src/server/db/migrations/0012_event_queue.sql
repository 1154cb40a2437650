CREATE TABLE "domain_event_queue" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	CONSTRAINT "domain_event_queue_id_workspace_id_pk" PRIMARY KEY("id","workspace_id")
);
--> statement-breakpoint
-- Events still pending move to the queue before the column that marked them goes.
INSERT INTO "domain_event_queue" ("workspace_id", "id")
  SELECT "workspace_id", "id" FROM "domain_events" WHERE "dispatched_at" IS NULL;--> statement-breakpoint
DROP INDEX "domain_events_pending_idx";--> statement-breakpoint
ALTER TABLE "domain_events" DROP COLUMN "dispatched_at";