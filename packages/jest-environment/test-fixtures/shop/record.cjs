const { appendFileSync } = require('node:fs');

/** Appends what the running test saw to $SEEN_FILE, one JSON line per test. */
exports.record = (allot) => {
  const line = { suite: allot.suite, test: allot.test, values: allot.values };
  appendFileSync(process.env.SEEN_FILE, JSON.stringify(line) + '\n');
};
