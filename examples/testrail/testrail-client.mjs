#!/usr/bin/env node
// A TestRail API client as TestRail's own bindings write one (base URL +
// `index.php?/api/v2/`, HTTP Basic with an email and a password or API key,
// JSON in and out), driving a project's datasets: add a variable, add a
// dataset, update it, list the datasets, delete it. Point it at TestRail or
// at allot, unchanged:
//
//   TESTRAIL_URL=http://localhost:8080 TESTRAIL_USER=jon@example.test \
//   TESTRAIL_KEY=allot_… node examples/testrail/testrail-client.mjs <project_id>
//
// It prints one JSON line per call and exits 1 on the first error.

class APIClient {
  constructor(base, user, password) {
    this.url = `${base.replace(/\/$/, '')}/index.php?/api/v2/`;
    this.auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }

  sendGet(uri) {
    return this.#send('GET', uri);
  }

  sendPost(uri, data) {
    return this.#send('POST', uri, data);
  }

  async #send(method, uri, data) {
    const response = await fetch(this.url + uri, {
      method,
      headers: { authorization: this.auth, 'content-type': 'application/json' },
      body: method === 'POST' ? JSON.stringify(data ?? {}) : undefined,
    });
    const text = await response.text();
    const body = text === '' ? {} : JSON.parse(text);
    if (response.status !== 200) {
      const error = new Error(
        `TestRail API returned HTTP ${response.status} (${body.error ?? text})`,
      );
      error.status = response.status;
      throw error;
    }
    return body;
  }
}

const [project] = process.argv.slice(2);
const { TESTRAIL_URL, TESTRAIL_USER, TESTRAIL_KEY } = process.env;
if (!project || !TESTRAIL_URL || !TESTRAIL_USER || !TESTRAIL_KEY) {
  console.error(
    'usage: TESTRAIL_URL=… TESTRAIL_USER=… TESTRAIL_KEY=… testrail-client.mjs <project_id>',
  );
  process.exit(2);
}
const client = new APIClient(TESTRAIL_URL, TESTRAIL_USER, TESTRAIL_KEY);
const log = (call, body) => console.log(JSON.stringify({ call, body }));

try {
  log('add_variable', await client.sendPost(`add_variable/${project}`, { name: 'browser' }));
  const added = await client.sendPost(`add_dataset/${project}`, {
    name: 'Firefox run',
    browser: 'Firefox',
  });
  log('add_dataset', added);
  log(
    'update_dataset',
    await client.sendPost(`update_dataset/${added.id}`, {
      name: 'Chrome run',
      variables: [{ name: 'browser', value: 'Chrome' }],
    }),
  );
  log('get_datasets', await client.sendGet(`get_datasets/${project}&limit=10`));
  log('delete_dataset', await client.sendPost(`delete_dataset/${added.id}`, {}));
  log('get_datasets', await client.sendGet(`get_datasets/${project}`));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
