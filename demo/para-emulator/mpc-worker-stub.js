// Stand-ins for the MPC worker bundles the SDKs fetch from the portal when workers are
// enabled (the web SDK: /static/js/mpcWorker-bundle.js; the server SDK in Node:
// /static/js/mpcWorkerServer-bundle.js, run with `new Worker(code, { eval: true })`).
// They answer INIT (all that session handling needs) and fail every MPC operation
// (key generation, signing) with a clear message: the emulator holds no key shares.

const reply = (post) => `
  function handle(data) {
    var workId = data && data.workId;
    var fn = data && data.functionType;
    if (fn === 'INIT') return ${post}({ workId: workId });
    throw new Error('para-emulator: MPC operation ' + fn + ' is not emulated');
  }`;

export const BROWSER_WORKER_JS = `${reply('self.postMessage')}
self.onmessage = function (event) { handle(event.data); };
`;

export const NODE_WORKER_JS = `var parentPort = require('node:worker_threads').parentPort;
${reply('parentPort.postMessage')}
parentPort.on('message', handle);
`;

export const WORKER_ROUTES = {
  '/static/js/mpcWorker-bundle.js': BROWSER_WORKER_JS,
  '/static/js/mpcWorkerServer-bundle.js': NODE_WORKER_JS,
};
