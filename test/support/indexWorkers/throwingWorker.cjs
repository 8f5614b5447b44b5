// An indexing worker that throws while handling its third request (an uncaught error ends the thread).
const { parentPort } = require('node:worker_threads');

let requests = 0;
parentPort.on('message', () => {
  if (++requests === 3) throw new Error('worker fault for the test');
});
require('../../../server/out/indexWorker.js');
