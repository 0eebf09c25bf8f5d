CREATE TABLE "district_target_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"n_district" integer NOT NULL,
	"n_total" integer NOT NULL,
	"reason" text NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "graduates" (
	"campaign_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"count" integer NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "graduates_campaign_id_organization_id_pk" PRIMARY KEY("campaign_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "target_adjustments" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"mode" text NOT NULL,
	"old_target" integer NOT NULL,
	"new_target" integer NOT NULL,
	"old_total" integer NOT NULL,
	"new_total" integer NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_rows" (
	"version_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"graduates" integer NOT NULL,
	"target" integer NOT NULL,
	"min" integer,
	"max" integer,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "target_rows_version_id_organization_id_pk" PRIMARY KEY("version_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "target_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"method" text NOT NULL,
	"n_total" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" integer,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "district_target_changes" ADD CONSTRAINT "district_target_changes_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_target_changes" ADD CONSTRAINT "district_target_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduates" ADD CONSTRAINT "graduates_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduates" ADD CONSTRAINT "graduates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduates" ADD CONSTRAINT "graduates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_adjustments" ADD CONSTRAINT "target_adjustments_version_id_target_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."target_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_adjustments" ADD CONSTRAINT "target_adjustments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_adjustments" ADD CONSTRAINT "target_adjustments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_rows" ADD CONSTRAINT "target_rows_version_id_target_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."target_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_rows" ADD CONSTRAINT "target_rows_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_versions" ADD CONSTRAINT "target_versions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_versions" ADD CONSTRAINT "target_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_versions" ADD CONSTRAINT "target_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "district_target_changes_campaign_idx" ON "district_target_changes" USING btree ("campaign_id","id");--> statement-breakpoint
CREATE INDEX "target_adjustments_version_idx" ON "target_adjustments" USING btree ("version_id","id");--> statement-breakpoint
CREATE INDEX "target_rows_org_idx" ON "target_rows" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "target_versions_campaign_number_key" ON "target_versions" USING btree ("campaign_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "target_versions_one_draft" ON "target_versions" USING btree ("campaign_id") WHERE "target_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "target_versions_one_published" ON "target_versions" USING btree ("campaign_id") WHERE "target_versions"."status" = 'published';