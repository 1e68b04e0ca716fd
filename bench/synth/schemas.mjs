// The bench's three entities: customers, their accounts, the accounts'
// transactions, linked by foreign keys. Plain JSON Schema (2020-12), so
// json-schema-faker reads the very same documents; the constraint sets are
// allot's (keys, references, weights, a cross-field rule).
const SCHEMA = 'https://json-schema.org/draft/2020-12/schema';

export const customers = {
  $schema: SCHEMA,
  title: 'customer',
  type: 'object',
  required: [
    'customer_id',
    'first_name',
    'last_name',
    'email',
    'date_of_birth',
    'country',
    'segment',
    'created_at',
    'is_active',
  ],
  properties: {
    customer_id: { type: 'integer', minimum: 1 },
    first_name: { type: 'string', minLength: 1, maxLength: 40 },
    last_name: { type: 'string', minLength: 1, maxLength: 40 },
    email: { type: 'string', format: 'email', maxLength: 80 },
    phone: { type: 'string', pattern: '^\\+[0-9]{1,3}-[0-9]{3}-[0-9]{3}-[0-9]{4}$' },
    date_of_birth: { type: 'string', format: 'date' },
    city: { type: 'string', maxLength: 40 },
    country: { type: 'string', enum: ['DE', 'ES', 'FR', 'GB', 'IT', 'NL', 'PL', 'SE', 'US'] },
    segment: { type: 'string', enum: ['retail', 'premium', 'business'] },
    credit_score: { type: 'integer', minimum: 300, maximum: 850 },
    loyalty_points: { type: ['integer', 'null'], minimum: 0, maximum: 100000 },
    created_at: { type: 'string', format: 'date-time' },
    is_active: { type: 'boolean' },
  },
  additionalProperties: false,
};

export const accounts = {
  $schema: SCHEMA,
  title: 'account',
  type: 'object',
  required: [
    'account_id',
    'customer_id',
    'iban',
    'currency',
    'type',
    'balance',
    'opened_on',
    'status',
  ],
  properties: {
    account_id: { type: 'string', format: 'uuid' },
    customer_id: { type: 'integer', minimum: 1 },
    iban: { type: 'string', pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9]{12,20}$' },
    currency: { type: 'string', enum: ['EUR', 'GBP', 'PLN', 'SEK', 'USD'] },
    type: { type: 'string', enum: ['checking', 'savings', 'credit'] },
    balance: { type: 'number', minimum: -5000, maximum: 250000 },
    overdraft_limit: { type: 'integer', minimum: 0, maximum: 5000 },
    interest_rate: { type: 'number', minimum: 0, maximum: 15 },
    opened_on: { type: 'string', format: 'date' },
    closed_on: { type: ['string', 'null'], format: 'date' },
    status: { type: 'string', enum: ['open', 'frozen', 'closed'] },
    branch_code: { type: 'string', pattern: '^BR[0-9]{4}$' },
  },
  additionalProperties: false,
};

export const transactions = {
  $schema: SCHEMA,
  title: 'transaction',
  type: 'object',
  required: [
    'transaction_id',
    'account_id',
    'amount',
    'currency',
    'direction',
    'booked_at',
    'status',
  ],
  properties: {
    transaction_id: { type: 'string', format: 'uuid' },
    account_id: { type: 'string', format: 'uuid' },
    amount: { type: 'number', exclusiveMinimum: 0, maximum: 20000 },
    currency: { type: 'string', enum: ['EUR', 'GBP', 'PLN', 'SEK', 'USD'] },
    direction: { type: 'string', enum: ['debit', 'credit'] },
    booked_at: { type: 'string', format: 'date-time' },
    value_date: { type: 'string', format: 'date' },
    counterparty: { type: 'string', maxLength: 60 },
    reference: { type: 'string', maxLength: 35 },
    channel: { type: 'string', enum: ['card', 'transfer', 'direct_debit', 'atm', 'online'] },
    mcc: { type: 'string', pattern: '^[0-9]{4}$' },
    status: { type: 'string', enum: ['booked', 'pending', 'reversed'] },
    description: { type: 'string', maxLength: 80 },
  },
  additionalProperties: false,
};

/** allot's constraint sets for the three entities. */
export const constraints = {
  customers: {
    fields: {
      customer_id: { unique: true },
      email: { unique: true },
      segment: { enum: ['retail', 'premium', 'business'], weights: [80, 15, 5] },
      date_of_birth: { min: '1940-01-01', max: '2006-12-31' },
      loyalty_points: { nullRatio: 0.3 },
    },
  },
  accounts: {
    fields: {
      account_id: { unique: true },
      customer_id: { reference: { entity: 'customers', field: 'customer_id' } },
      closed_on: { nullRatio: 0.8 },
      status: { enum: ['open', 'frozen', 'closed'], weights: [90, 2, 8] },
    },
    rules: [{ field: 'closed_on', op: '>=', other: 'opened_on' }],
  },
  transactions: {
    fields: {
      transaction_id: { unique: true },
      account_id: { reference: { entity: 'accounts', field: 'account_id' } },
      direction: { enum: ['debit', 'credit'], weights: [70, 30] },
    },
  },
};

/** Foreign keys, to count dangling ones: child entity, its field, parent entity, parent key. */
export const foreignKeys = [
  { entity: 'accounts', field: 'customer_id', parent: 'customers', key: 'customer_id' },
  { entity: 'transactions', field: 'account_id', parent: 'accounts', key: 'account_id' },
];

export const SCHEMAS = { customers, accounts, transactions };
