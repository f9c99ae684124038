// Worker thread: receives batches of article tasks, answers with their outcomes in the same order.
import { parentPort, workerData } from 'node:worker_threads';
import type { PublisherProfile } from '../clean/profiles.js';
import { writeEntry } from './cache.js';
import { processOne, type ArticleTask } from './task.js';

const context = workerData as { profiles: readonly PublisherProfile[]; disabledRules: readonly string[] };

parentPort?.on('message', (batch: ArticleTask[]) => {
  parentPort?.postMessage(
    batch.map((task) => {
      const outcome = processOne(task, context);
      if (task.cacheFile) writeEntry(task.cacheFile, outcome);
      return outcome;
    }),
  );
});
