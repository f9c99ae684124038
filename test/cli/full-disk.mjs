// Test hook (node --import): the first fs.writeFileSync of the command's thread whose path matches
// ROUNDUP_TEST_FULL_DISK (a regular expression) writes to /dev/full instead, so the kernel answers ENOSPC
// exactly as it does on a full disk (the same error: "ENOSPC: no space left on device, write", no path).
import fs from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';

const pattern = new RegExp(process.env.ROUNDUP_TEST_FULL_DISK ?? '^$');
if (!isMainThread && Array.isArray(workerData?.roundupCommand)) {
  const original = fs.writeFileSync;
  let full = false;
  fs.writeFileSync = function onFullDisk(file, ...rest) {
    if (!full && typeof file === 'string' && pattern.test(file)) {
      full = true;
      return original.call(this, '/dev/full', ...rest);
    }
    return original.call(this, file, ...rest);
  };
}
