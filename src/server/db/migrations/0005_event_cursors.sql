CREATE TABLE "event_cursors" (
	"workspace_id" uuid NOT NULL,
	"consumer" text NOT NULL,
	"last_occurred_at" timestamp with time zone NOT NULL,
	"last_event_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_cursors_workspace_id_consumer_pk" PRIMARY KEY("workspace_id","consumer")
);
