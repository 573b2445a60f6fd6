// One run: start the example instance once, then walk every journey.
const { after, before } = require('node:test');
const { startInstance } = require('../src/instance');
const { launch, chromiumPath } = require('../src/browser');
const { artefacts, state } = require('./context');

before(
  async () => {
    console.log(`Chromium: ${chromiumPath()}`);
    console.log(`Screenshots: ${artefacts}`);
    state.instance = await startInstance(artefacts);
    state.browser = await launch();
  },
  { timeout: 15 * 60_000 },
);

after(async () => {
  await state.browser?.close();
  await state.instance?.stop();
});

require('./slo');
require('./scaffolder');
require('./ownership');
// Last: it drives an example SLO into its page tier.
require('./notifications');
