CREATE TABLE "enrolments" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"source" text NOT NULL,
	"admission_id" integer,
	"early_transfer_id" integer,
	"status" text NOT NULL,
	"registered_on" text,
	"campus_id" integer,
	"no_show_reason" text,
	"no_show_note" text,
	"recorded_by_org" integer NOT NULL,
	"recorded_by" integer,
	"care" jsonb,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"kind" text NOT NULL,
	"party" text NOT NULL,
	"contacted_on" text NOT NULL,
	"result" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sending_rows" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"junior_high_id" integer NOT NULL,
	"admitted" integer NOT NULL,
	"early_transfer" integer NOT NULL,
	"registered" integer NOT NULL,
	"no_show" integer NOT NULL,
	"pending" integer NOT NULL,
	"no_show_by_reason" jsonb NOT NULL,
	"computed" jsonb,
	"correction_reason" text,
	"ack" text DEFAULT 'pending' NOT NULL,
	"ack_note" text,
	"ack_by" integer,
	"ack_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sending_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_admission_id_admissions_id_fk" FOREIGN KEY ("admission_id") REFERENCES "public"."admissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_early_transfer_id_early_transfers_id_fk" FOREIGN KEY ("early_transfer_id") REFERENCES "public"."early_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_recorded_by_org_organizations_id_fk" FOREIGN KEY ("recorded_by_org") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_contacts" ADD CONSTRAINT "intake_contacts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_contacts" ADD CONSTRAINT "intake_contacts_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_contacts" ADD CONSTRAINT "intake_contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_contacts" ADD CONSTRAINT "intake_contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sending_rows" ADD CONSTRAINT "sending_rows_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sending_rows" ADD CONSTRAINT "sending_rows_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sending_rows" ADD CONSTRAINT "sending_rows_junior_high_id_organizations_id_fk" FOREIGN KEY ("junior_high_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sending_rows" ADD CONSTRAINT "sending_rows_ack_by_users_id_fk" FOREIGN KEY ("ack_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sending_submissions" ADD CONSTRAINT "sending_submissions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sending_submissions" ADD CONSTRAINT "sending_submissions_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sending_submissions" ADD CONSTRAINT "sending_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_student_active_key" ON "enrolments" USING btree ("student_id") WHERE status <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "enrolments_campaign_school_idx" ON "enrolments" USING btree ("campaign_id","school_id","status");--> statement-breakpoint
CREATE INDEX "enrolments_campaign_day_idx" ON "enrolments" USING btree ("campaign_id","registered_on");--> statement-breakpoint
CREATE INDEX "intake_contacts_student_idx" ON "intake_contacts" USING btree ("student_id","id");--> statement-breakpoint
CREATE INDEX "intake_contacts_campaign_org_idx" ON "intake_contacts" USING btree ("campaign_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sending_rows_key" ON "sending_rows" USING btree ("campaign_id","school_id","junior_high_id");--> statement-breakpoint
CREATE INDEX "sending_rows_junior_high_idx" ON "sending_rows" USING btree ("campaign_id","junior_high_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sending_submissions_key" ON "sending_submissions" USING btree ("campaign_id","school_id");