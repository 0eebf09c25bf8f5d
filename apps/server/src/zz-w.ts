import { parentPort, workerData } from 'node:worker_threads';
import { withSettingDefaults } from '@zhizhao/domain';
const x: number = 41;
parentPort!.postMessage({ got: workerData, x: x + 1, ok: typeof withSettingDefaults });
