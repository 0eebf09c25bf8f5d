CREATE TABLE "alliance_members" (
	"alliance_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	CONSTRAINT "alliance_members_alliance_id_organization_id_pk" PRIMARY KEY("alliance_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "alliance_rules" (
	"alliance_id" integer NOT NULL,
	"category" text NOT NULL,
	"campus_id" integer NOT NULL,
	CONSTRAINT "alliance_rules_alliance_id_category_pk" PRIMARY KEY("alliance_id","category")
);
--> statement-breakpoint
CREATE TABLE "alliances" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"district_id" integer NOT NULL,
	"counts_toward_n_district" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brochure_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"brochure_id" integer NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" integer,
	"organization_id" integer,
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brochures" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"reviewer_kind" text NOT NULL,
	"facts" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"comments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"filing_number" text,
	"filing_seq" integer,
	"verify_code" text,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"filed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "majors" (
	"id" serial PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"campus_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"length_years" integer NOT NULL,
	"internship" text NOT NULL,
	"fees" jsonb NOT NULL,
	"aid_policy" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planned_seats" (
	"campaign_id" integer NOT NULL,
	"major_id" integer NOT NULL,
	"seats" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planned_seats_campaign_id_major_id_pk" PRIMARY KEY("campaign_id","major_id")
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"organization_id" integer NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_rules" ADD CONSTRAINT "alliance_rules_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_rules" ADD CONSTRAINT "alliance_rules_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliances" ADD CONSTRAINT "alliances_district_id_organizations_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brochure_events" ADD CONSTRAINT "brochure_events_brochure_id_brochures_id_fk" FOREIGN KEY ("brochure_id") REFERENCES "public"."brochures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brochure_events" ADD CONSTRAINT "brochure_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brochure_events" ADD CONSTRAINT "brochure_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brochures" ADD CONSTRAINT "brochures_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brochures" ADD CONSTRAINT "brochures_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "majors" ADD CONSTRAINT "majors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "majors" ADD CONSTRAINT "majors_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_seats" ADD CONSTRAINT "planned_seats_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_seats" ADD CONSTRAINT "planned_seats_major_id_majors_id_fk" FOREIGN KEY ("major_id") REFERENCES "public"."majors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alliance_members_org_key" ON "alliance_members" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "brochure_events_brochure_idx" ON "brochure_events" USING btree ("brochure_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "brochures_school_campaign_version_key" ON "brochures" USING btree ("organization_id","campaign_id","version");--> statement-breakpoint
CREATE INDEX "brochures_campaign_status_idx" ON "brochures" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "brochures_filing_number_key" ON "brochures" USING btree ("filing_number");--> statement-breakpoint
CREATE UNIQUE INDEX "brochures_verify_code_key" ON "brochures" USING btree ("verify_code");--> statement-breakpoint
CREATE UNIQUE INDEX "majors_org_code_key" ON "majors" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "majors_campus_idx" ON "majors" USING btree ("campus_id");