/** The admission round's background jobs (jobs/jobs.ts): run a batch, publish a run, sign its letters, bundle a school's letters. */
import type { JobHandler, JobHandlers } from '../../jobs/jobs';
import type { AppDeps } from '../../deps';
import { runJobFailed, runJobHandler } from './runs';
import { LETTERS_SIGN, lettersJobHandler, publishJobHandler } from './publish';
import { lettersBundleHandler } from './letter-jobs';

type WithFail = JobHandler & { onFail?: (deps: AppDeps, job: { payload: unknown }, message: string, final: boolean) => Promise<void> };

const run: WithFail = runJobHandler;
run.onFail = runJobFailed;
const publish: WithFail = publishJobHandler;
publish.onFail = runJobFailed;

export const admissionJobHandlers: JobHandlers = {
  'admission.run': run,
  'admission.publish': publish,
  [LETTERS_SIGN]: lettersJobHandler,
  'letters.bundle': lettersBundleHandler,
};
