// An indexing worker that dies (exits) on its second request, before answering it.
const { parentPort } = require('node:worker_threads');

let requests = 0;
parentPort.on('message', () => {
  if (++requests === 2) process.exit(7);
});
require('../../../server/out/indexWorker.js');
