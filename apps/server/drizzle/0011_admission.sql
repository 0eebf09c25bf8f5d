CREATE TABLE "admission_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"programme_ids" jsonb,
	"min_score" double precision,
	"programme_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"publish_on" text,
	"return_until" text,
	"solicit_from" text,
	"solicit_to" text,
	"published_run_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admission_returns" (
	"id" serial PRIMARY KEY NOT NULL,
	"admission_id" integer NOT NULL,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" integer,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "admission_run_applicants" (
	"run_id" integer NOT NULL,
	"ord" integer NOT NULL,
	"student_id" integer NOT NULL,
	"exam_no" text NOT NULL,
	"junior_high_id" integer,
	"score" double precision NOT NULL,
	"tiebreaks" jsonb NOT NULL,
	"lottery" bigint NOT NULL,
	"choices" jsonb NOT NULL,
	"accept_adjustment" boolean NOT NULL,
	"programme_id" integer,
	"choice_rank" integer,
	"rank" integer NOT NULL,
	CONSTRAINT "admission_run_applicants_run_id_ord_pk" PRIMARY KEY("run_id","ord")
);
--> statement-breakpoint
CREATE TABLE "admission_run_programmes" (
	"run_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"capacity" integer NOT NULL,
	"min_score" double precision,
	"applicants" integer NOT NULL,
	"first_choice" integer NOT NULL,
	"admitted_main" integer NOT NULL,
	"admitted_adjustment" integer NOT NULL,
	"last_rank" integer,
	"last_key" jsonb,
	"cutoff_score" double precision,
	"cutoff_key" text DEFAULT '' NOT NULL,
	CONSTRAINT "admission_run_programmes_run_id_programme_id_pk" PRIMARY KEY("run_id","programme_id")
);
--> statement-breakpoint
CREATE TABLE "admission_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" integer,
	"score_set_id" integer,
	"min_score" double precision,
	"programme_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lottery_seed" text NOT NULL,
	"tiebreak_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inputs_hash" text,
	"results_hash" text,
	"skipped" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"applicants" integer DEFAULT 0 NOT NULL,
	"admitted" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" integer
);
--> statement-breakpoint
CREATE TABLE "admissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"kind" text NOT NULL,
	"batch_id" integer,
	"run_id" integer,
	"programme_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"choice_rank" integer,
	"status" text DEFAULT 'admitted' NOT NULL,
	"letter_content" jsonb,
	"school_seal" jsonb,
	"letter_code" text,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exam_scores" (
	"score_set_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"total" double precision NOT NULL,
	"subjects" jsonb NOT NULL,
	"tiebreaks" jsonb NOT NULL,
	CONSTRAINT "exam_scores_score_set_id_student_id_pk" PRIMARY KEY("score_set_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text DEFAULT '' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"owner" text,
	"lease_until" timestamp with time zone,
	"error" text,
	"result" jsonb,
	"organization_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "score_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rows" integer NOT NULL,
	"content_hash" text NOT NULL,
	"subjects" jsonb NOT NULL,
	"tiebreak_names" jsonb NOT NULL,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "solicitation_choices" (
	"batch_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"choices" jsonb NOT NULL,
	"accept_adjustment" boolean DEFAULT false NOT NULL,
	"entered_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "solicitation_choices_batch_id_student_id_pk" PRIMARY KEY("batch_id","student_id")
);
--> statement-breakpoint
ALTER TABLE "admission_batches" ADD CONSTRAINT "admission_batches_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_returns" ADD CONSTRAINT "admission_returns_admission_id_admissions_id_fk" FOREIGN KEY ("admission_id") REFERENCES "public"."admissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_returns" ADD CONSTRAINT "admission_returns_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_returns" ADD CONSTRAINT "admission_returns_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_run_applicants" ADD CONSTRAINT "admission_run_applicants_run_id_admission_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."admission_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_run_programmes" ADD CONSTRAINT "admission_run_programmes_run_id_admission_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."admission_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_runs" ADD CONSTRAINT "admission_runs_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_runs" ADD CONSTRAINT "admission_runs_batch_id_admission_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."admission_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_runs" ADD CONSTRAINT "admission_runs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_runs" ADD CONSTRAINT "admission_runs_score_set_id_score_sets_id_fk" FOREIGN KEY ("score_set_id") REFERENCES "public"."score_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_runs" ADD CONSTRAINT "admission_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_runs" ADD CONSTRAINT "admission_runs_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admissions" ADD CONSTRAINT "admissions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admissions" ADD CONSTRAINT "admissions_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admissions" ADD CONSTRAINT "admissions_batch_id_admission_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."admission_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admissions" ADD CONSTRAINT "admissions_run_id_admission_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."admission_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admissions" ADD CONSTRAINT "admissions_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admissions" ADD CONSTRAINT "admissions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_scores" ADD CONSTRAINT "exam_scores_score_set_id_score_sets_id_fk" FOREIGN KEY ("score_set_id") REFERENCES "public"."score_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_scores" ADD CONSTRAINT "exam_scores_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sets" ADD CONSTRAINT "score_sets_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sets" ADD CONSTRAINT "score_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solicitation_choices" ADD CONSTRAINT "solicitation_choices_batch_id_admission_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."admission_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solicitation_choices" ADD CONSTRAINT "solicitation_choices_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solicitation_choices" ADD CONSTRAINT "solicitation_choices_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admission_batches_campaign_seq_key" ON "admission_batches" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE INDEX "admission_returns_admission_idx" ON "admission_returns" USING btree ("admission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "admission_returns_pending_key" ON "admission_returns" USING btree ("admission_id") WHERE status = 'requested';--> statement-breakpoint
CREATE INDEX "admission_run_applicants_student_idx" ON "admission_run_applicants" USING btree ("student_id","run_id");--> statement-breakpoint
CREATE INDEX "admission_run_applicants_programme_idx" ON "admission_run_applicants" USING btree ("run_id","programme_id");--> statement-breakpoint
CREATE INDEX "admission_runs_batch_idx" ON "admission_runs" USING btree ("batch_id","id");--> statement-breakpoint
CREATE INDEX "admission_runs_campaign_idx" ON "admission_runs" USING btree ("campaign_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "admissions_student_active_key" ON "admissions" USING btree ("student_id") WHERE status = 'admitted';--> statement-breakpoint
CREATE INDEX "admissions_campaign_programme_idx" ON "admissions" USING btree ("campaign_id","programme_id","status");--> statement-breakpoint
CREATE INDEX "admissions_campaign_school_idx" ON "admissions" USING btree ("campaign_id","school_id","id");--> statement-breakpoint
CREATE INDEX "admissions_run_idx" ON "admissions" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "exam_scores_student_idx" ON "exam_scores" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "score_sets_campaign_version_key" ON "score_sets" USING btree ("campaign_id","version");