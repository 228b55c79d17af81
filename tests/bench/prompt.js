// prompt.js - the Node.js peer of the benchmarks: one question with three
// answers, as tradeoff's first screen shows it, through the enquirer
// package.  make bench installs enquirer into its own directory (never
// into this tree) and points NODE_PATH at it.
'use strict';

const { Select } = require('enquirer');

new Select({
  name: 'traffic',
  message: 'How does traffic arrive?',
  choices: [
    { name: 'Spiky', hint: 'Bursty and unpredictable, with idle periods.' },
    { name: 'Steady', hint: 'Steady, high throughput around the clock.' },
    { name: 'Mixed', hint: 'A steady baseline with bursts on top.' },
  ],
}).run().then(() => process.exit(0), () => process.exit(1));
