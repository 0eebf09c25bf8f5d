CREATE TABLE "early_transfer_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"junior_high_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"content" jsonb NOT NULL,
	"source_seal" jsonb,
	"school_seal" jsonb,
	"filing_seal" jsonb,
	"code" text,
	"filing_number" text,
	"filing_seq" integer,
	"filed_on" text,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "early_transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"junior_high_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"requested_by" text NOT NULL,
	"requested_on" text NOT NULL,
	"student_confirmed_version" integer,
	"guardian_confirmed_version" integer,
	"content" jsonb NOT NULL,
	"source_seal" jsonb,
	"school_seal" jsonb,
	"form_code" text,
	"list_id" integer,
	"filed_on" text,
	"reason" text,
	"decided_by" text,
	"exam_result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exam_prep_plans" (
	"campaign_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"junior_high_id" integer NOT NULL,
	"mode" text NOT NULL,
	"courses" jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_prep_plans_campaign_id_school_id_junior_high_id_pk" PRIMARY KEY("campaign_id","school_id","junior_high_id")
);
--> statement-breakpoint
ALTER TABLE "planned_seats" ADD COLUMN "early_transfer_cap" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "curriculum_completed_on" text;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "curriculum_confirmed_by" integer;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "curriculum_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "early_transfer_lists" ADD CONSTRAINT "early_transfer_lists_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_transfer_lists" ADD CONSTRAINT "early_transfer_lists_junior_high_id_organizations_id_fk" FOREIGN KEY ("junior_high_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_transfer_lists" ADD CONSTRAINT "early_transfer_lists_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_transfer_lists" ADD CONSTRAINT "early_transfer_lists_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_transfers" ADD CONSTRAINT "early_transfers_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_transfers" ADD CONSTRAINT "early_transfers_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_transfers" ADD CONSTRAINT "early_transfers_junior_high_id_organizations_id_fk" FOREIGN KEY ("junior_high_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_transfers" ADD CONSTRAINT "early_transfers_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_prep_plans" ADD CONSTRAINT "exam_prep_plans_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_prep_plans" ADD CONSTRAINT "exam_prep_plans_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_prep_plans" ADD CONSTRAINT "exam_prep_plans_junior_high_id_organizations_id_fk" FOREIGN KEY ("junior_high_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_prep_plans" ADD CONSTRAINT "exam_prep_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "early_transfer_lists_campaign_idx" ON "early_transfer_lists" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "early_transfer_lists_filing_number_key" ON "early_transfer_lists" USING btree ("campaign_id","filing_number");--> statement-breakpoint
CREATE UNIQUE INDEX "early_transfer_lists_one_open_key" ON "early_transfer_lists" USING btree ("campaign_id","junior_high_id","school_id") WHERE status in ('open', 'sealed');--> statement-breakpoint
CREATE INDEX "early_transfers_campaign_status_idx" ON "early_transfers" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "early_transfers_student_idx" ON "early_transfers" USING btree ("student_id","id");--> statement-breakpoint
CREATE INDEX "early_transfers_junior_high_idx" ON "early_transfers" USING btree ("junior_high_id","status");--> statement-breakpoint
CREATE INDEX "early_transfers_school_idx" ON "early_transfers" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "early_transfers_programme_idx" ON "early_transfers" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "early_transfers_list_idx" ON "early_transfers" USING btree ("list_id");--> statement-breakpoint
CREATE UNIQUE INDEX "early_transfers_one_active_key" ON "early_transfers" USING btree ("student_id") WHERE status not in ('refused', 'withdrawn', 'returned');--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_curriculum_confirmed_by_users_id_fk" FOREIGN KEY ("curriculum_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;