DROP INDEX "admissions_run_idx";--> statement-breakpoint
CREATE INDEX "admissions_student_idx" ON "admissions" USING btree ("student_id","id");--> statement-breakpoint
CREATE INDEX "admissions_run_student_idx" ON "admissions" USING btree ("run_id","student_id");