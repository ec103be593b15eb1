// A worker thread of the check pool (check-pool.ts): checks one package file at a time — unzip, decrypt, signature,
// hashes, every line against its schema, consistency, figures — and posts back only plain data (see SectionRows).
// It never opens the database; the registry snapshot and the county's key come with each job, in memory only.
import { parentPort } from 'node:worker_threads';
import { type CheckJob, type CheckReply } from './check-job';
import { checkPackage } from './verdict';

parentPort!.on('message', (job: CheckJob) => {
  let reply: CheckReply;
  try {
    if (job.dieForTests) process.exit(70); // tests only: a worker lost mid-file
    reply = { id: job.id, checked: checkPackage(job.centres, job.keys, job.fileName, job.bytes, job.fileHash, new Date(job.now)) };
  } catch (error) {
    // A bug met by one file refuses that file; the message names no key or record.
    reply = { id: job.id, failed: error instanceof Error ? error.name : 'Error' };
  }
  parentPort!.postMessage(reply);
});
