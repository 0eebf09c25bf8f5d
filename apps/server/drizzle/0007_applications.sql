CREATE TABLE "application_choices" (
	"application_id" integer NOT NULL,
	"rank" integer NOT NULL,
	"programme_id" integer NOT NULL,
	CONSTRAINT "application_choices_application_id_rank_pk" PRIMARY KEY("application_id","rank")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"track" text,
	"accept_adjustment" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"entered_by" text,
	"entered_by_user_id" integer,
	"entered_at" timestamp with time zone,
	"student_confirmed_version" integer,
	"student_confirmed_at" timestamp with time zone,
	"guardian_confirmed_version" integer,
	"guardian_confirmed_at" timestamp with time zone,
	"status" text DEFAULT 'undecided' NOT NULL,
	"staff_entries" integer DEFAULT 0 NOT NULL,
	"changes_after_staff" integer DEFAULT 0 NOT NULL,
	"verify_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "general_list_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"rows" integer NOT NULL,
	"matched" integer NOT NULL,
	"file_hash" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guidance_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"junior_high_id" integer NOT NULL,
	"date" text NOT NULL,
	"kind" text NOT NULL,
	"audience" text NOT NULL,
	"attendees" integer NOT NULL,
	"school_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"student_id" integer,
	"recipient" text NOT NULL,
	"template" text NOT NULL,
	"to" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"provider" text DEFAULT 'outbox' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open_days" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"campus_id" integer NOT NULL,
	"date" text NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pressure_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"junior_high_id" integer,
	"reporter" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" integer,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "social_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"tracking_no" text NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"id_type" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"category" text NOT NULL,
	"education" text NOT NULL,
	"phone_cipher" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_masked" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" integer,
	"decided_by_org_id" integer,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"student_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "student_transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"from_junior_high_id" integer NOT NULL,
	"to_junior_high_id" integer NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "students" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"kind" text DEFAULT 'grade9' NOT NULL,
	"junior_high_id" integer,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"id_type" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"exam_no" text NOT NULL,
	"class_name" text DEFAULT '' NOT NULL,
	"cohort" text DEFAULT 'current' NOT NULL,
	"hukou_district" text DEFAULT '' NOT NULL,
	"guardian_name" text DEFAULT '' NOT NULL,
	"guardian_relation" text DEFAULT '' NOT NULL,
	"phone_cipher" text DEFAULT '' NOT NULL,
	"phone_hash" text DEFAULT '' NOT NULL,
	"phone_masked" text DEFAULT '' NOT NULL,
	"social_category" text,
	"education" text,
	"user_id" integer,
	"guardian_user_id" integer,
	"initial_password_cipher" text,
	"guardian_code_cipher" text,
	"slips_issued_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "track_conflicts" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"import_id" integer NOT NULL,
	"matched_by" text NOT NULL,
	"resolution" text,
	"note" text DEFAULT '' NOT NULL,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "planned_seats" ADD COLUMN "id" serial NOT NULL;--> statement-breakpoint
ALTER TABLE "application_choices" ADD CONSTRAINT "application_choices_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_entered_by_user_id_users_id_fk" FOREIGN KEY ("entered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_list_imports" ADD CONSTRAINT "general_list_imports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_list_imports" ADD CONSTRAINT "general_list_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_sessions" ADD CONSTRAINT "guidance_sessions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_sessions" ADD CONSTRAINT "guidance_sessions_junior_high_id_organizations_id_fk" FOREIGN KEY ("junior_high_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_sessions" ADD CONSTRAINT "guidance_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_days" ADD CONSTRAINT "open_days_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_days" ADD CONSTRAINT "open_days_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_days" ADD CONSTRAINT "open_days_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pressure_reports" ADD CONSTRAINT "pressure_reports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pressure_reports" ADD CONSTRAINT "pressure_reports_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pressure_reports" ADD CONSTRAINT "pressure_reports_junior_high_id_organizations_id_fk" FOREIGN KEY ("junior_high_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pressure_reports" ADD CONSTRAINT "pressure_reports_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_registrations" ADD CONSTRAINT "social_registrations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_registrations" ADD CONSTRAINT "social_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_registrations" ADD CONSTRAINT "social_registrations_decided_by_org_id_organizations_id_fk" FOREIGN KEY ("decided_by_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_registrations" ADD CONSTRAINT "social_registrations_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_transfers" ADD CONSTRAINT "student_transfers_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_transfers" ADD CONSTRAINT "student_transfers_from_junior_high_id_organizations_id_fk" FOREIGN KEY ("from_junior_high_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_transfers" ADD CONSTRAINT "student_transfers_to_junior_high_id_organizations_id_fk" FOREIGN KEY ("to_junior_high_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_transfers" ADD CONSTRAINT "student_transfers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_junior_high_id_organizations_id_fk" FOREIGN KEY ("junior_high_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_guardian_user_id_users_id_fk" FOREIGN KEY ("guardian_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_conflicts" ADD CONSTRAINT "track_conflicts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_conflicts" ADD CONSTRAINT "track_conflicts_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_conflicts" ADD CONSTRAINT "track_conflicts_import_id_general_list_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."general_list_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_conflicts" ADD CONSTRAINT "track_conflicts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_choices_programme_idx" ON "application_choices" USING btree ("programme_id","application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_student_key" ON "applications" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "applications_campaign_status_idx" ON "applications" USING btree ("campaign_id","status","track");--> statement-breakpoint
CREATE INDEX "guidance_sessions_campaign_jh_idx" ON "guidance_sessions" USING btree ("campaign_id","junior_high_id");--> statement-breakpoint
CREATE INDEX "notifications_campaign_idx" ON "notifications" USING btree ("campaign_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "open_days_date_idx" ON "open_days" USING btree ("date");--> statement-breakpoint
CREATE INDEX "open_days_org_idx" ON "open_days" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "pressure_reports_campaign_idx" ON "pressure_reports" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "pressure_reports_jh_idx" ON "pressure_reports" USING btree ("junior_high_id");--> statement-breakpoint
CREATE UNIQUE INDEX "social_registrations_tracking_key" ON "social_registrations" USING btree ("tracking_no");--> statement-breakpoint
CREATE INDEX "social_registrations_campaign_idx" ON "social_registrations" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "social_registrations_id_hash_idx" ON "social_registrations" USING btree ("campaign_id","id_hash");--> statement-breakpoint
CREATE INDEX "student_transfers_student_idx" ON "student_transfers" USING btree ("student_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "students_campaign_exam_no_key" ON "students" USING btree ("campaign_id","exam_no");--> statement-breakpoint
CREATE UNIQUE INDEX "students_campaign_id_hash_key" ON "students" USING btree ("campaign_id","id_hash");--> statement-breakpoint
CREATE INDEX "students_junior_high_class_idx" ON "students" USING btree ("junior_high_id","class_name","exam_no");--> statement-breakpoint
CREATE INDEX "students_campaign_kind_idx" ON "students" USING btree ("campaign_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "students_user_key" ON "students" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "students_guardian_user_key" ON "students" USING btree ("guardian_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "track_conflicts_open_key" ON "track_conflicts" USING btree ("student_id") WHERE "track_conflicts"."resolution" is null;--> statement-breakpoint
CREATE INDEX "track_conflicts_campaign_idx" ON "track_conflicts" USING btree ("campaign_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "planned_seats_id_key" ON "planned_seats" USING btree ("id");