// A projection worker that starts and then ends unasked (exit code 3): ProjectionWorkerLink's restarts.
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (message) => {
  if (message.type === 'stop') process.exit(0);
});
setTimeout(() => process.exit(3), 100);
