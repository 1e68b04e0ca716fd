import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  AllotError,
  type CoverageInput,
  type CoverageOptions,
  type CoverageResult,
  type ErrorCode,
} from '@allot/core';

// The worker imports the core's built entry by its file URL, so the same
// code runs from the built server and from its sources under the test runner.
const CORE_URL = pathToFileURL(createRequire(import.meta.url).resolve('@allot/core')).href;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.core).then(({ calculateCoverage }) => {
  try {
    parentPort.postMessage({ result: calculateCoverage(workerData.input, workerData.options) });
  } catch (error) {
    parentPort.postMessage({
      error: { code: error.code ?? 'INTERNAL', message: String(error.message ?? error), details: error.details ?? {} },
    });
  }
});
`;

/**
 * Calculates coverage in a worker thread: the search of a big model takes
 * seconds of CPU, which on the server's own thread would hold up every
 * request. The result is the same as in process (same input, seed and
 * effort, same rows); input errors come back as the same typed errors.
 */
export function calculateInWorker(
  input: CoverageInput,
  options: CoverageOptions,
): Promise<CoverageResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { core: CORE_URL, input, options },
    });
    worker.once(
      'message',
      (message: {
        result?: CoverageResult;
        error?: { code: ErrorCode; message: string; details: Record<string, unknown> };
      }) => {
        if (message.error !== undefined) {
          reject(new AllotError(message.error.code, message.error.message, message.error.details));
        } else resolve(message.result!);
        void worker.terminate();
      },
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the coverage worker stopped with code ${code}`));
    });
  });
}
