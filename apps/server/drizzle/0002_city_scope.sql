ALTER TABLE "organizations" ADD COLUMN "city_id" integer;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_city_id_organizations_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organizations_city_idx" ON "organizations" USING btree ("city_id");