// A tiny web app to sign in to: it accepts the email and password of an
// active customer of ../allot/customers.csv, the block allot allocates from.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const csv = readFileSync(new URL('../allot/customers.csv', import.meta.url), 'utf8');
const [header = '', ...lines] = csv.trim().split('\n');
const columns = header.split(',');
const users = lines.map((line) => {
  const cells = line.split(',');
  return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
});

const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (body) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head><body>${body}</body></html>`;

const signInForm = (error) =>
  page(`<h1>Sign in</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/sign-in">
  <label>Email <input name="email" type="email"></label>
  <label>Password <input name="password" type="password"></label>
  <button type="submit">Sign in</button>
</form>`);

function readForm(request) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

const server = createServer(async (request, response) => {
  const html = (status, body) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body);
  };
  if (request.method === 'GET' && request.url === '/health') return html(200, 'ok');
  if (request.method === 'GET' && request.url === '/') return html(200, signInForm());
  if (request.method === 'POST' && request.url === '/sign-in') {
    const form = await readForm(request);
    const user = users.find(
      (u) => u.email === form.get('email') && u.password === form.get('password'),
    );
    if (user === undefined) return html(401, signInForm('Wrong email or password.'));
    if (user.status !== 'active') return html(403, signInForm('This account is locked.'));
    return html(200, page(`<h1>Welcome, ${escape(user.email)}</h1>`));
  }
  return html(404, page('<h1>Not found</h1>'));
});

const port = Number(process.env.APP_PORT ?? 3210);
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`sample app on http://127.0.0.1:${port}\n`);
});
