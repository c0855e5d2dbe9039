import { describe, expect, it } from 'vitest';
import { ApplyJob, forgetOldJobs, KEPT_FINISHED_JOBS } from '../../src/ui/apply-job.js';

describe('forgetOldJobs', () => {
  it('keeps the newest finished applies and every running one, forgetting the oldest finished', () => {
    const jobs = new Map<string, ApplyJob>();
    const all = Array.from({ length: KEPT_FINISHED_JOBS + 5 }, () => new ApplyJob('cms'));
    const running = new ApplyJob('cms');
    jobs.set(running.id, running);
    for (const job of all) {
      job.finish({ outcome: 'complete' });
      jobs.set(job.id, job);
    }
    forgetOldJobs(jobs);
    expect([...jobs.keys()]).toEqual([running.id, ...all.slice(5).map((job) => job.id)]);
  });
});
