CREATE TABLE "import_locks" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"route" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_locks" ADD CONSTRAINT "import_locks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;