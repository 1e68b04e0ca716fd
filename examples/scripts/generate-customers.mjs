// Writes examples/data/customers.csv: 3,000 deterministic sample customers.
// Run it again after changing it: `node examples/scripts/generate-customers.mjs`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { faker } from '@faker-js/faker';

const ROWS = 3000;
const OUTPUT = fileURLToPath(new URL('../data/customers.csv', import.meta.url));
const COLUMNS = [
  'id',
  'email',
  'password',
  'first_name',
  'last_name',
  'country',
  'tier',
  'status',
  'balance',
  'saved_card',
  'created_at',
  'city',
];
const COUNTRIES = [
  { value: 'DE', weight: 30 },
  { value: 'US', weight: 25 },
  { value: 'GB', weight: 20 },
  { value: 'FR', weight: 15 },
  { value: 'NL', weight: 10 },
];
const TIERS = [
  { value: 'bronze', weight: 60 },
  { value: 'silver', weight: 28 },
  { value: 'gold', weight: 12 },
];
// Locked accounts are rare on purpose: the sample pool asks for more than exist.
const STATUSES = [
  { value: 'active', weight: 94 },
  { value: 'closed', weight: 5 },
  { value: 'locked', weight: 1 },
];
// Real data is messy: these make RFC 4180 quoting matter in imports and exports.
const AWKWARD_CITIES = [
  'Washington, D.C.',
  'Frankfurt am Main, Hessen',
  'The "Big" Apple',
  'Stratford-upon-Avon, "Shakespeare\'s town"',
];

faker.seed(2024);
const reference = new Date('2024-06-01T00:00:00.000Z');

const lines = [COLUMNS.join(',')];
for (let index = 1; index <= ROWS; index++) {
  lines.push(customer(index).map(csvField).join(','));
}
writeFileSync(OUTPUT, lines.join('\n') + '\n');
console.log(`wrote ${ROWS} customers to ${OUTPUT}`);

function customer(index) {
  const firstName = faker.person.firstName();
  const lastName =
    index % 97 === 0 ? `O'Brien-${faker.person.lastName()}` : faker.person.lastName();
  const id = `C-${String(index).padStart(6, '0')}`;
  const email = faker.internet
    .email({ firstName, lastName, provider: 'example.test' })
    .toLowerCase();
  const balance = faker.number.float({ min: -250, max: 2500, fractionDigits: 2 });
  const city =
    index % 150 === 0 ? faker.helpers.arrayElement(AWKWARD_CITIES) : faker.location.city();
  return [
    id,
    email,
    faker.internet.password({ length: 12 }),
    firstName,
    lastName,
    faker.helpers.weightedArrayElement(COUNTRIES),
    faker.helpers.weightedArrayElement(TIERS),
    faker.helpers.weightedArrayElement(STATUSES),
    balance.toFixed(2),
    String(faker.datatype.boolean({ probability: 0.6 })),
    faker.date.past({ years: 5, refDate: reference }).toISOString().slice(0, 10),
    city,
  ];
}

function csvField(value) {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
