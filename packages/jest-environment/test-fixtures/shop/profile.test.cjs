const { record } = require('./record.cjs');

test('a test outside any describe', () => record(allot));
